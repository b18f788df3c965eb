package io.bridgeway.rounds;

/** A requested change breaks a rule of the round's life or of matching; the message says which. */
public class RoundRuleException extends RuntimeException {
    public RoundRuleException(String message) {
        super(message);
    }
}
