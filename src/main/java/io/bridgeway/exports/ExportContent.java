package io.bridgeway.exports;

import java.util.List;

/**
 * What a round export holds ({@code ?what=pairs|circles|schedule}) and its column headers. The headers are
 * a published interface (README, "Exports"): add columns at the end, never rename or reorder them.
 */
public enum ExportContent {
    /** One row per pair. */
    PAIRS(List.of("round_id", "round_status", "pair_id", "mentor_name", "mentor_email", "mentor_department",
            "mentor_title", "mentor_office", "mentee_name", "mentee_email", "mentee_department", "mentee_title",
            "mentee_office", "pinned", "forced", "pair_value", "why")),
    /** One row per circle member, per circle meeting. */
    CIRCLES(List.of("round_id", "round_status", "meeting", "circle", "circle_id", "meeting_start_utc",
            "weekly_hour_utc", "member_name", "member_email", "member_department", "member_title", "member_office",
            "pinned")),
    /** One row per meeting: each pair's kick-off, then each circle's meeting. */
    SCHEDULE(List.of("round_id", "round_status", "kind", "group_id", "meeting", "start_utc", "end_utc",
            "participant_names", "participant_emails", "note"));

    public final List<String> headers;

    ExportContent(List<String> headers) {
        this.headers = headers;
    }

    public String slug() {
        return QueryChoice.slug(this);
    }

    /** The content named by {@code what} in the query; a missing or unknown name is the caller's mistake (400). */
    public static ExportContent parse(String name) {
        return QueryChoice.parse(ExportContent.class, "what", name);
    }
}
