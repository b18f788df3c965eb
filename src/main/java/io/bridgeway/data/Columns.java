package io.bridgeway.data;

/** Text cut to fit a database column, marked with an ellipsis where it was cut. */
public final class Columns {

    private Columns() {
    }

    /** {@code text} as it is when it fits {@code length} characters, else its start and "…"; null stays null. */
    public static String fit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
