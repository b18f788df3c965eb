package io.bridgeway.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.Test;

/** Which failures at commit are races (409, "try again") and which are defects (500, logged). */
class StaleWritesTest {

    @Test
    void aLostRaceIsStaleEvenWhenWrappedAtCommit() {
        assertTrue(StaleWrites.isStaleWrite(new OptimisticLockException()));
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(violation(ConstraintKind.UNIQUE));
        assertTrue(StaleWrites.isStaleWrite(new IllegalStateException(atCommit)),
                "a unique value taken by a concurrent request (two imports, two admins adding one department)");
    }

    @Test
    void aDeadlockOrLockFailureIsARaceToTryAgain() {
        // deleting an account while a solve saved the round it is in: H2 said "Deadlock detected ... ROUND_PAIR"
        assertTrue(StaleWrites.isStaleWrite(new jakarta.persistence.PessimisticLockException()));
        assertTrue(StaleWrites.isStaleWrite(new org.hibernate.exception.LockAcquisitionException("could not execute",
                new SQLException("Deadlock detected", "40001"))));
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(new SQLException("deadlock detected", "40P01"));
        assertTrue(StaleWrites.isStaleWrite(new IllegalStateException(atCommit)), "PostgreSQL's deadlock, at commit");
        assertTrue(StaleWrites.isStaleWrite(new SQLException("could not serialize access", "40001")));
        assertFalse(StaleWrites.isStaleWrite(new SQLException("syntax error", "42601")));
    }

    @Test
    void otherConstraintFailuresAreDefectsNotRaces() {
        assertFalse(StaleWrites.isStaleWrite(violation(ConstraintKind.NOT_NULL)));
        assertFalse(StaleWrites.isStaleWrite(violation(ConstraintKind.FOREIGN_KEY)));
        assertFalse(StaleWrites.isStaleWrite(new IllegalStateException("boom")));
    }

    private static ConstraintViolationException violation(ConstraintKind kind) {
        return new ConstraintViolationException("insert failed", new SQLException("23505"), kind, "uk_name");
    }
}
