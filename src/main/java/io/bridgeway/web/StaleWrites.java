package io.bridgeway.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Recognises a write that lost to a concurrent commit: of the same row (optimistic locking), or of a row with
 * the same unique value (every form checks uniqueness first, so a unique violation left at commit means two
 * requests raced, e.g. two HR imports or two admins adding the same department), or a deadlock or serialization
 * failure the database resolved by rolling this one back (e.g. deleting an account while a solve saves the round
 * it is in). Trying again works in each case. It may surface at commit,
 * wrapped by the transaction manager and Arc, so the whole cause chain is read.
 */
public final class StaleWrites {

    public static final String MESSAGE = StaleEditException.describe(null);

    /** Serialization failure and deadlock (SQL standard, PostgreSQL, H2). */
    private static final Set<String> LOST_TO_CONCURRENT = Set.of("40001", "40P01");

    private StaleWrites() {
    }

    public static boolean isStaleWrite(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof PessimisticLockException || t instanceof org.hibernate.PessimisticLockException
                    || t instanceof LockAcquisitionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && LOST_TO_CONCURRENT.contains(sql.getSQLState())) {
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
