package io.bridgeway.web;

/**
 * Something the request needs failed on the server's side (the database did not answer in time, say) and
 * the request was not done. The message tells the user what state it left and what to do; the cause was
 * logged where it was caught. {@link ErrorPages} answers 503: a page, or JSON {"error": ...} under /api.
 */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
