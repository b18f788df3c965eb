package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A manager's move cannot seat someone in a circle with a colleague they are kept apart from (either side's
 * do-not-pair list), and the refusal never says why or with whom.
 */
@QuarkusTest
class CircleMoveKeepsApartTest {

    @Test
    void aMoveIntoACircleWithAListedColleagueIsRefusedAndAnyOtherMoveStillWorks() {
        CircleRoundTest.CircleCohort c = nineMembers("apartmove", "Mover");
        String owner = c.people().get(0);
        String listed = c.people().get(1);
        WebSession ownerSession = new WebSession();
        ownerSession.login(owner, WebSession.PASSWORD);
        assertEquals(303, ownerSession.submit("/profile/do-not-pair", "/profile/do-not-pair",
                Map.of("email", listed)).statusCode());
        long ownerId = WebSession.idOf(owner);
        long listedId = WebSession.idOf(listed);

        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath round = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals("SOLVED", round.getString("solveState"), round.prettify());
        int ownersCircle = CircleRoundTest.circleOf(round, ownerId);
        int listedCircle = CircleRoundTest.circleOf(round, listedId);
        assertNotEquals(ownersCircle, listedCircle, "the solver keeps them apart: " + round.prettify());
        int otherCircle = 6 - ownersCircle - listedCircle; // circles 1, 2 and 3
        long version = round.getLong("version");

        // the owner moved into the listed colleague's circle: 400, nothing changed
        String refusal = RoundLifecycleTest.as(c.pm()).body(Map.of("personId", ownerId, "meeting", 0,
                "circle", listedCircle, "version", version)).post("/api/v1/rounds/" + roundId + "/circles/move")
                .then().statusCode(400).extract().path("error");
        assertTrue(refusal.contains("cannot be seated in circle " + listedCircle), refusal);
        assertNeutral(refusal, listed);
        assertTrue(refusal.startsWith(nameOf(owner) + " cannot"), refusal);
        JsonPath unchanged = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        assertEquals(round.getList("circles"), unchanged.getList("circles"), "membership and pins unchanged");
        assertEquals(version, unchanged.getLong("version"));

        // the other direction, through the round page: the listed colleague into the owner's circle
        WebSession manager = new WebSession();
        manager.login(c.pm(), WebSession.PASSWORD);
        Document page = manager.page("/rounds/" + roundId);
        Element form = page.selectFirst("form[action$=/circles/move]");
        assertNotNull(form, page.html());
        Map<String, Object> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.put("csrf-token", page.select("input[name=csrf-token]").attr("value"));
        fields.put("personEmail", listed);
        fields.put("circle", String.valueOf(ownersCircle));
        Response answer = manager.post(form.attr("action"), fields);
        assertEquals(400, answer.statusCode(), answer.asString());
        Document refused = Jsoup.parse(answer.asString());
        Element message = refused.selectFirst(":containsOwn(cannot be seated)");
        assertNotNull(message, refused.html());
        assertTrue(message.text().contains("cannot be seated in circle " + ownersCircle), message.text());
        assertNeutral(message.text(), owner);
        assertNotNull(refused.selectFirst("#circle-grid"), "the round page is shown again");
        assertEquals(round.getList("circles"), RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId)
                .then().extract().jsonPath().getList("circles"), "the page's refusal changed nothing either");

        // a circle without anyone kept apart from the owner still takes them
        RoundLifecycleTest.as(c.pm()).body(Map.of("personId", ownerId, "meeting", 0, "circle", otherCircle,
                "version", version)).post("/api/v1/rounds/" + roundId + "/circles/move").then().statusCode(200);
        JsonPath moved = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        assertEquals(otherCircle, CircleRoundTest.circleOf(moved, ownerId));
        assertEquals(4, ((List<?>) CircleRoundTest.circleNumbered(moved, otherCircle).get("members")).size());
    }

    @Test
    void aPlacementThatAListEntryForbidsLaterBlocksPublishingAndSolvingAgainReleasesIt() {
        CircleRoundTest.CircleCohort c = nineMembers("apartlater", "Later");
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath round = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        long ownerId = WebSession.idOf(c.people().get(0));
        int ownersCircle = CircleRoundTest.circleOf(round, ownerId);
        String listed = c.people().stream().filter(p -> CircleRoundTest.circleOf(round, WebSession.idOf(p)) != ownersCircle)
                .findFirst().orElseThrow();
        int listedCircle = CircleRoundTest.circleOf(round, WebSession.idOf(listed));
        // the manager seats both in the owner's circle (allowed: nobody has listed anyone yet); a move pins
        // whoever it moves: the owner out and back, the colleague in
        long listedId = WebSession.idOf(listed);
        move(c.pm(), roundId, ownerId, listedCircle);
        move(c.pm(), roundId, listedId, ownersCircle);
        move(c.pm(), roundId, ownerId, ownersCircle);
        JsonPath placed = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).jsonPath();
        assertEquals(CircleRoundTest.circleOf(placed, ownerId), CircleRoundTest.circleOf(placed, listedId));
        WebSession ownerSession = new WebSession();
        ownerSession.login(c.people().get(0), WebSession.PASSWORD);
        assertEquals(303, ownerSession.submit("/profile/do-not-pair", "/profile/do-not-pair",
                Map.of("email", listed)).statusCode());

        String refusal = RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish")
                .then().statusCode(400).extract().path("error");
        assertTrue(refusal.contains("Solve again"), refusal);
        assertNeutral(refusal, listed);

        JsonPath again = RoundLifecycleTest.solveAgain(c.pm(), roundId);
        assertNotEquals(CircleRoundTest.circleOf(again, ownerId), CircleRoundTest.circleOf(again, listedId),
                "the released placement no longer holds them together: " + again.prettify());
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
    }

    /** Nine members, one meeting, circles of 2..4: three circles of three, and room to move one person. */
    private static CircleRoundTest.CircleCohort nineMembers(String prefix, String surname) {
        List<String> people = new ArrayList<>();
        for (String name : List.of("Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal", "Ida")) {
            people.add(CircleRoundTest.availableMember(prefix, name + " " + surname, String.valueOf(1 + people.size() % 4),
                    List.of("TUE-09")));
        }
        return CircleRoundTest.circleCohort(prefix, 1, 2, 4, people);
    }

    private static void move(String pm, long roundId, long personId, int circle) {
        long version = RoundLifecycleTest.as(pm).get("/api/v1/rounds/" + roundId).jsonPath().getLong("version");
        RoundLifecycleTest.as(pm).body(Map.of("personId", personId, "meeting", 0, "circle", circle, "version", version))
                .post("/api/v1/rounds/" + roundId + "/circles/move").then().statusCode(200);
    }

    private static String nameOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(email).fullName);
    }

    /** The refusal names neither the colleague nor the reason. */
    private static void assertNeutral(String text, String colleagueEmail) {
        String lower = text.toLowerCase();
        assertFalse(lower.contains(colleagueEmail.toLowerCase()), text);
        assertFalse(text.contains(nameOf(colleagueEmail)), text);
        for (String reason : List.of("do-not-pair", "do not pair", "list", "rating", "rated", "apart")) {
            assertFalse(lower.contains(reason), reason + " in: " + text);
        }
    }
}
