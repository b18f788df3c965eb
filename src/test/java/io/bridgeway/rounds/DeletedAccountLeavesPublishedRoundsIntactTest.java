package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Deleting an account keeps published rounds as they were published: the same pairs and circles,
 * with the person shown as "Former employee" and nothing else of theirs. A draft simply drops them.
 */
@QuarkusTest
public class DeletedAccountLeavesPublishedRoundsIntactTest {

    /** A person with a name nobody else has, so the pages can be searched for it. */
    static String signUpNamed(String prefix, String name, Map<String, Object> profile) {
        String email = WebSession.uniqueEmail(prefix);
        Map<String, Object> overrides = new java.util.HashMap<>(profile);
        overrides.put("fullName", name);
        WebSession.signedUp(email, overrides);
        return email;
    }

    public static void deleteAccount(String email) {
        WebSession session = new WebSession();
        session.login(email, WebSession.PASSWORD);
        assertEquals(303, session.submit("/profile/delete", "/profile/delete", Map.of("confirmEmail", email)).statusCode());
    }

    @Test
    void aDeletedMenteeIsAFormerEmployeeInThePublishedRoundAndLeavesTheDraft() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("deletedpairs", 2, 3);
        String name = "Leaver " + UUID.randomUUID().toString().substring(0, 8);
        String leaver = signUpNamed("deletedmentee", name, WebSession.with("level", "2", "goals", "negotiation"));
        RoundLifecycleTest.enroll(c.pm(), c.programId(), List.of(leaver), "{\"asMentee\": true, \"emails\": %s}");
        long published = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath before = RoundLifecycleTest.awaitSolved(c.pm(), published);
        assertEquals(4, before.getInt("matched"), before.prettify());
        assertTrue(before.getList("pairs.menteeEmail").contains(leaver));
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + published + "/publish").then().statusCode(200);
        long draft = RoundLifecycleTest.start(c.pm(), c.programId());
        assertEquals(4, RoundLifecycleTest.awaitSolved(c.pm(), draft).getInt("matched"));

        deleteAccount(leaver);

        JsonPath after = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + published).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("PUBLISHED", after.getString("status"));
        assertEquals(4, after.getInt("matched"));
        assertEquals(4, after.getList("pairs").size(), "the published round keeps every pair");
        assertTrue(after.getList("pairs.menteeId").contains(null), "the deleted mentee's place stays, empty");
        assertFalse(after.prettify().contains(leaver));

        WebSession pm = new WebSession();
        pm.login(c.pm(), WebSession.PASSWORD);
        Document page = pm.page("/rounds/" + published);
        assertEquals(4, page.select("table.pairs tbody tr").size(), page.select("table.pairs").text());
        assertTrue(page.select("table.pairs").text().contains("Former employee"), page.select("table.pairs").text());
        assertFalse(page.html().contains(leaver), "no email of the deleted person");
        assertFalse(page.html().contains(name), "no name of the deleted person");
        assertFalse(pm.page("/rounds/" + published + "/compare").html().contains(leaver));

        JsonPath draftAfter = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + draft).then().extract().jsonPath();
        assertEquals(3, draftAfter.getInt("mentees"), "the draft drops the deleted person");
        assertEquals(3, draftAfter.getList("pairs").size());
        assertFalse(draftAfter.getList("pairs.menteeId").contains(null));
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + draft + "/solve?version=" + draftAfter.getLong("version"))
                .then().statusCode(200);
        JsonPath resolved = RoundLifecycleTest.awaitSolved(c.pm(), draft);
        assertEquals("SOLVED", resolved.getString("solveState"), resolved.getString("solveMessage"));
        assertEquals(3, resolved.getInt("matched"));

        // a new round reads the published history, former employee included, and still starts and solves
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + draft + "/discard").then().statusCode(200);
        long next = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath nextRound = RoundLifecycleTest.awaitSolved(c.pm(), next);
        assertEquals("SOLVED", nextRound.getString("solveState"), nextRound.getString("solveMessage"));
        assertEquals(3, nextRound.getInt("matched"));
    }

    @Test
    void aDeletedCircleMemberIsAFormerEmployeeInThePublishedCircle() {
        List<String> people = new java.util.ArrayList<>(CircleRoundTest.members("deletedcircle", 5));
        String name = "Circle Leaver " + UUID.randomUUID().toString().substring(0, 8);
        String leaver = signUpNamed("deletedcircle", name, Map.of());
        people.add(leaver);
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("deletedcircle", 1, 3, 3, people);
        String pm = c.pm();
        long roundId = RoundLifecycleTest.start(pm, c.programId());
        assertEquals("SOLVED", RoundLifecycleTest.awaitSolved(pm, roundId).getString("solveState"));
        RoundLifecycleTest.as(pm).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);

        deleteAccount(leaver);

        JsonPath round = RoundLifecycleTest.as(pm).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        int members = round.<List<?>>getList("circles.members").stream().mapToInt(List::size).sum();
        assertEquals(6, members, "both circles keep three places");
        WebSession session = new WebSession();
        session.login(pm, WebSession.PASSWORD);
        Document page = session.page("/rounds/" + roundId);
        assertTrue(page.select("ul.circles").text().contains("Former employee"), page.select("ul.circles").text());
        assertFalse(page.html().contains(name));
    }
}
