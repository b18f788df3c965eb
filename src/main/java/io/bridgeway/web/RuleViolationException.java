package io.bridgeway.web;

/**
 * A request breaks a rule of the application (a round's life, a matching rule, a missing value). The
 * message says which, in plain words; {@code field} names the input at fault, or is null.
 * {@link ErrorPages} answers 400: a page, or JSON {"error": ..., "field": ...} under /api.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String message) {
        this(message, null);
    }

    public RuleViolationException(String message, String field) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
