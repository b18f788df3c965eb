package io.bridgeway.web;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/**
 * Recognises a write that lost to a concurrent commit of the same row (optimistic locking). It may
 * surface at commit, wrapped by the transaction manager and Arc, so the whole cause chain is read.
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
        }
        return false;
    }
}
