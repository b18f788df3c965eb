package io.bridgeway.web;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises a write that lost to a concurrent commit: of the same row (optimistic locking), or of a row with
 * the same unique value (every form checks uniqueness first, so a unique violation left at commit means two
 * requests raced, e.g. two HR imports or two admins adding the same department). It may surface at commit,
 * wrapped by the transaction manager and Arc, so the whole cause chain is read.
 */
public final class StaleWrites {

    public static final String MESSAGE = StaleEditException.describe(null);

    private StaleWrites() {
    }

    public static boolean isStaleWrite(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }
}
