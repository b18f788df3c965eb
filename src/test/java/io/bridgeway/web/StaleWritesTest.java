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
    void otherConstraintFailuresAreDefectsNotRaces() {
        assertFalse(StaleWrites.isStaleWrite(violation(ConstraintKind.NOT_NULL)));
        assertFalse(StaleWrites.isStaleWrite(violation(ConstraintKind.FOREIGN_KEY)));
        assertFalse(StaleWrites.isStaleWrite(new IllegalStateException("boom")));
    }

    private static ConstraintViolationException violation(ConstraintKind kind) {
        return new ConstraintViolationException("insert failed", new SQLException("23505"), kind, "uk_name");
    }
}
