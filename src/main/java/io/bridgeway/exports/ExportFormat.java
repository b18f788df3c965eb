package io.bridgeway.exports;

import io.bridgeway.web.RuleViolationException;
import java.util.Locale;

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
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named in the query; a missing or unknown name is the caller's mistake (400). */
    public static ExportFormat parse(String name) {
        for (ExportFormat format : values()) {
            if (format.extension().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return format;
            }
        }
        throw new RuleViolationException("format must be csv, xlsx or ics"
                + (name == null || name.isBlank() ? "." : ", not '" + name + "'."), "format");
    }
}
