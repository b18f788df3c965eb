package io.bridgeway.web;

/**
 * A change was made from a stale copy: someone saved the same thing since the form or page was loaded.
 * {@link ErrorPages} answers 409 with the message (a page, or JSON under /api).
 */
public class StaleEditException extends RuntimeException {

    public StaleEditException(String message) {
        super(message);
    }

    /** @param changedBy who saved last, or null when unknown */
    public static StaleEditException changedBy(String changedBy) {
        return new StaleEditException(describe(changedBy));
    }

    static String describe(String changedBy) {
        return "This was changed by " + (changedBy == null ? "someone else" : changedBy)
                + " since you opened it. Reload the page to see the latest version, then make your change again.";
    }
}
