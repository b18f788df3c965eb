package io.bridgeway.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bridgeway.people.Person;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog audit;

    static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<AuditEntry> entries(String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("action", action));
    }

    @Test
    void recordsWithinTheCallersTransactionAsSystemWhenNobodyIsSignedIn() {
        String action = unique("program.created");
        QuarkusTransaction.requiringNew().run(() -> audit.record(action, "Program", 7L, 7L, "Autumn 2027"));
        List<AuditEntry> found = entries(action);
        assertEquals(1, found.size());
        AuditEntry entry = found.get(0);
        assertEquals(AuditLog.SYSTEM, entry.actorEmail);
        assertNull(entry.actorId);
        assertEquals("Program", entry.subjectType);
        assertEquals(7L, entry.subjectId);
        assertEquals(7L, entry.programId);
        assertEquals("Autumn 2027", entry.details);
    }

    @Test
    void aRollbackWritesNothing() {
        String action = unique("round.published");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            audit.record(action, "Round", 1L, 2L, "rolled back");
            throw new IllegalStateException("the change failed");
        }));
        assertEquals(0, entries(action).size());
    }

    @Test
    void refusesToRecordOutsideATransaction() {
        assertThrows(TransactionalException.class, () -> audit.record(unique("x"), null, null, null, null));
    }

    @Test
    void explicitActorForBackgroundJobsAndLongDetailsAreCut() {
        String action = unique("import.finished");
        QuarkusTransaction.requiringNew()
                .run(() -> audit.recordAs(null, "hr-import", action, null, null, null, "x".repeat(3000)));
        AuditEntry entry = entries(action).get(0);
        assertEquals("hr-import", entry.actorEmail);
        assertEquals(AuditLog.MAX_DETAILS, entry.details.length());
    }

    @Test
    void takesTheActorFromTheSignedInIdentity() {
        WebSession admin = WebSession.withRole("auditor", Role.ADMIN);
        String action = unique("probe");
        given().auth().preemptive().basic(admin.email, WebSession.PASSWORD).queryParam("action", action)
                .get("/api/test/audit-probe").then().statusCode(200);
        AuditEntry entry = entries(action).get(0);
        assertEquals(admin.email, entry.actorEmail);
        Long personId = QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(admin.email).id);
        assertEquals(personId, entry.actorId);
    }
}
