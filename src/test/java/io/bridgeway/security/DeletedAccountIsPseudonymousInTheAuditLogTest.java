package io.bridgeway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.audit.AuditEntry;
import io.bridgeway.audit.AuditLog;
import io.bridgeway.people.Person;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** After an account is deleted the audit log still says what was done, but by a stable pseudonym. */
@QuarkusTest
class DeletedAccountIsPseudonymousInTheAuditLogTest {

    @Inject
    AuditLog audit;

    @Test
    void everyEntryByOrAboutTheDeletedPersonShowsTheSamePseudonym() {
        WebSession pm = WebSession.withRole("auditleaver", Role.PROGRAM_MANAGER);
        String email = pm.email;
        long personId = QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(email).id);
        for (String name : List.of("Audited one", "Audited two")) {
            given().auth().preemptive().basic(email, WebSession.PASSWORD).contentType("application/json")
                    .body("""
                            {"name": "%s", "type": "MENTORING", "enrollmentOpens": "%s", "enrollmentCloses": "%s"}
                            """.formatted(name, LocalDate.now(), LocalDate.now().plusDays(30)))
                    .post("/api/v1/programs").then().statusCode(201);
        }
        // someone else's entry that names the person, as pair changes do
        QuarkusTransaction.requiringNew().run(() -> audit.recordAs(null, "other-manager@example.com", "PAIR_FORCED",
                "PAIR", 1L, null, "mentor@example.com -> " + email));
        List<Long> theirs = QuarkusTransaction.requiringNew().call(() ->
                AuditEntry.<AuditEntry>list("actorId = ?1", personId).stream().map(e -> e.id).toList());
        assertEquals(2, theirs.size());

        assertEquals(303, pm.submit("/profile/delete", "/profile/delete", Map.of("confirmEmail", email)).statusCode());

        List<AuditEntry> after = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>listAll());
        for (AuditEntry entry : after) {
            assertFalse(entry.actorEmail.contains(email), "actor of entry " + entry.id);
            assertFalse(entry.details != null && entry.details.contains(email), "details of entry " + entry.id);
        }
        List<String> actors = after.stream().filter(e -> theirs.contains(e.id)).map(e -> e.actorEmail).distinct().toList();
        assertEquals(1, actors.size(), "one pseudonym for all their entries: " + actors);
        String pseudonym = actors.get(0);
        assertTrue(Pattern.matches("former-employee-[0-9a-f]{8}", pseudonym), pseudonym);
        assertTrue(after.stream().anyMatch(e -> "PAIR_FORCED".equals(e.action) && e.details != null
                && e.details.equals("mentor@example.com -> " + pseudonym)), "entries naming them use the same pseudonym");
        assertTrue(after.stream().anyMatch(e -> "ACCOUNT_DELETED".equals(e.action) && pseudonym.equals(e.actorEmail)));
        assertEquals(0, after.stream().filter(e -> e.actorId != null && e.actorId == personId).count());
    }
}
