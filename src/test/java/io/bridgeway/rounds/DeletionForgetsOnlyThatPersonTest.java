package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.audit.AuditEntry;
import io.bridgeway.audit.AuditLog;
import io.bridgeway.people.PersonDeleted;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting an account pseudonymises that person's traces and nobody else's: an address that merely ends in
 * theirs stays, and stored circle explanations lose their name like the meeting note does.
 */
@QuarkusTest
class DeletionForgetsOnlyThatPersonTest {

    @Inject
    AuditLog audit;

    @Test
    void anAddressEndingInTheDeletedOneIsLeftAlone() {
        String leaver = WebSession.uniqueEmail("wong");
        String other = "yusuf." + leaver;
        WebSession.signedUp(leaver, Map.of());
        WebSession.signedUp(other, Map.of());
        String pseudonym = PersonDeleted.pseudonymOf(WebSession.idOf(leaver));
        long aboutOther = QuarkusTransaction.requiringNew().call(() -> {
            audit.recordAs(null, "admin@example.com", "ROLE_GRANTED", "PERSON", null, null, "ADMIN for " + other);
            return AuditEntry.<AuditEntry>find("order by id desc").firstResult().id;
        });
        long aboutBoth = QuarkusTransaction.requiringNew().call(() -> {
            audit.recordAs(null, "admin@example.com", "PAIR_FORCED", "PAIR", null, null, other + " -> " + leaver + ".");
            return AuditEntry.<AuditEntry>find("order by id desc").firstResult().id;
        });
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("exactpseud", 1, 1);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        QuarkusTransaction.requiringNew().run(() -> RoundPair.<RoundPair>list("round.id", roundId)
                .forEach(p -> p.explanation = "paired by " + other + " | changed by " + leaver));

        DeletedAccountLeavesPublishedRoundsIntactTest.deleteAccount(leaver);

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals("ADMIN for " + other, AuditEntry.<AuditEntry>findById(aboutOther).details);
            assertEquals(other + " -> " + pseudonym + ".", AuditEntry.<AuditEntry>findById(aboutBoth).details);
            List<RoundPair> pairs = RoundPair.list("round.id", roundId);
            assertEquals(1, pairs.size());
            assertEquals("paired by " + other + " | changed by " + pseudonym, pairs.get(0).explanation);
        });
    }
}
