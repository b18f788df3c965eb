package io.bridgeway.exports;

/** The file formats a round can be exported in: {@code ?format=csv|xlsx|ics}. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ICS("text/calendar; charset=UTF-8");

    public final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String extension() {
        return QueryChoice.slug(this);
    }

    /** The format named in the query; a missing or unknown name is the caller's mistake (400). */
    public static ExportFormat parse(String name) {
        return QueryChoice.parse(ExportFormat.class, "format", name);
    }
}
