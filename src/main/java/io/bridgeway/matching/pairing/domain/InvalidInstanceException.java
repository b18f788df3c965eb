package io.bridgeway.matching.pairing.domain;

/** A pairing instance that cannot be solved as given; the message names the offending field or id. */
public class InvalidInstanceException extends RuntimeException {

    public InvalidInstanceException(String message) {
        super(message);
    }

    public InvalidInstanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
