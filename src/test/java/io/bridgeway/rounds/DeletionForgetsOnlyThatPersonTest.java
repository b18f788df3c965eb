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

    @Test
    void aPublishedCircleExplanationNoLongerNamesTheDeletedMember() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String leaverName = "Wen Leaver" + suffix;
        String leaver = DeletedAccountLeavesPublishedRoundsIntactTest.signUpNamed("circlexpl", leaverName, Map.of());
        String stayerName = "Kofi Stayer" + suffix;
        String stayer = DeletedAccountLeavesPublishedRoundsIntactTest.signUpNamed("circlexpl", stayerName, Map.of());
        List<String> people = new java.util.ArrayList<>(CircleRoundTest.members("circlexpl", 1));
        people.add(leaver);
        people.add(stayer);
        // three people, two meetings, circles of three: the second meeting repeats every pair
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("circlexpl", 2, 3, 3, people);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        assertEquals("SOLVED", RoundLifecycleTest.awaitSolved(c.pm(), roundId).getString("solveState"));
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        String before = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath()
                .getString("circles.explanation");
        assertTrue(before.contains(leaverName + " met in round 1 (repeat)")
                || before.contains(leaverName + " and " + stayerName), before);

        DeletedAccountLeavesPublishedRoundsIntactTest.deleteAccount(leaver);

        JsonPath round = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        String explanations = round.getString("circles.explanation");
        assertFalse(explanations.contains(leaverName), explanations);
        assertTrue(explanations.contains(PersonDeleted.FORMER_EMPLOYEE), explanations);
        assertTrue(explanations.contains(stayerName), "the others keep their names: " + explanations);
        WebSession session = new WebSession();
        session.login(stayer, WebSession.PASSWORD);
        String mentoring = session.page("/mentoring").html();
        assertTrue(mentoring.contains("met in round 1"), mentoring);
        assertFalse(mentoring.contains(leaverName), "the stayer's mentoring page");
        assertFalse(session.get("/profile/export").asString().contains(leaverName), "the stayer's data download");
    }
}
