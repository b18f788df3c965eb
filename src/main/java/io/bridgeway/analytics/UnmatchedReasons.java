package io.bridgeway.analytics;

import java.util.Locale;

/** Sorts the plain-words reasons a round gives an unmatched mentee (PairExplainer, PairEdits, RoundsForgetPerson) into a few categories. */
public final class UnmatchedReasons {

    public static final String NO_MENTORS = "no mentors in the round";
    public static final String NO_ALLOWED_MENTOR = "no allowed mentor";
    public static final String MENTORS_FULL = "allowed mentors were full";
    public static final String MENTORS_HAD_ROOM = "allowed mentors had room, pair not worth it or solve stopped";
    public static final String BY_MANAGER = "kept or unpaired by a manager";
    public static final String MENTOR_LEFT = "mentor left the company";
    public static final String OTHER = "other";

    private UnmatchedReasons() {
    }

    public static String category(String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (text.startsWith("there are no mentors")) {
            return NO_MENTORS;
        }
        if (text.startsWith("no allowed mentor")) {
            return NO_ALLOWED_MENTOR;
        }
        if (text.startsWith("every allowed mentor is full")) {
            return MENTORS_FULL;
        }
        if (text.contains("allowed mentors have room") || text.contains("allowed mentors still have room")) {
            return MENTORS_HAD_ROOM;
        }
        if (text.startsWith("kept unmatched by a manager") || text.startsWith("unpaired from")) {
            return BY_MANAGER;
        }
        if (text.startsWith("their mentor left")) {
            return MENTOR_LEFT;
        }
        return OTHER;
    }
}
