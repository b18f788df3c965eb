package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.OutboxMessage;
import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * "Tiny circles": seven members in circles of 3 to 4 over two meetings, and one of them keeps the other six apart
 * (six do-not-pair entries). No circle can seat him, so each meeting leaves him out with a neutral reason, and the
 * round publishes (it was refused for ever before: every solve seated him with people he keeps apart). Nothing a
 * member sees says whose list it was.
 */
@QuarkusTest
class UnseatableCircleMemberTest {

    @Test
    void aMemberWhoKeepsEveryoneElseApartIsLeftOutOfEachMeetingAndTheRoundPublishes() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> others = new ArrayList<>();
        for (String name : List.of("Ama", "Ben", "Cleo", "Dev", "Esi", "Finn")) {
            others.add(CircleRoundTest.availableMember("tiny", name + " Tiny" + tag,
                    String.valueOf(1 + others.size() % 4), List.of("TUE-09")));
        }
        String kofiName = "Kofi Mensah" + tag;
        String kofi = CircleRoundTest.availableMember("tinykofi", kofiName, "2", List.of("TUE-09"));
        List<String> people = new ArrayList<>(others);
        people.add(kofi);
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("tiny", 2, 3, 4, people);
        WebSession kofiSession = new WebSession();
        kofiSession.login(kofi, WebSession.PASSWORD);
        for (String other : others) {
            assertEquals(303, kofiSession.submit("/profile/do-not-pair", "/profile/do-not-pair",
                    Map.of("email", other)).statusCode());
        }
        long kofiId = WebSession.idOf(kofi);

        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath round = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals("SOLVED", round.getString("solveState"), round.prettify());
        assertLeftOutOfBothMeetings(round, kofiId);
        assertTrue(round.getString("score").startsWith("circles 0hard/"), round.getString("score"));

        // the manager's page names him with the neutral reason, at each meeting
        WebSession manager = new WebSession();
        manager.login(c.pm(), WebSession.PASSWORD);
        for (int meeting = 0; meeting < 2; meeting++) {
            Document page = manager.page("/rounds/" + roundId + "?meeting=" + meeting);
            String listed = page.select("#not-seated li").text();
            assertTrue(listed.contains(kofiName) && listed.contains(CircleLeaveOuts.REASON), page.select("#circles").html());
            assertNeutral(page.select("#not-seated").text());
            assertFalse(page.select("#circle-grid").text().contains(kofiName), "in no circle card");
            assertEquals("1 not seated in a circle (2 meetings in all)", page.select("#not-seated-count").text());
        }

        // solving again gives the same, and the score says "circles" once
        JsonPath again = RoundLifecycleTest.solveAgain(c.pm(), roundId);
        assertLeftOutOfBothMeetings(again, kofiId);
        assertEquals(1, again.getString("score").split("circles", -1).length - 1, again.getString("score"));

        // no circle with room takes him by hand either, and the refusal says no more than for any circle
        int roomy = circleWithRoom(again);
        String refusal = RoundLifecycleTest.as(c.pm()).body(Map.of("personId", kofiId, "meeting", 0, "circle", roomy,
                "version", again.getLong("version"))).post("/api/v1/rounds/" + roundId + "/circles/move")
                .then().statusCode(400).extract().path("error");
        assertEquals(kofiName + " cannot be seated in circle " + roomy + " of meeting 1. Choose another circle.", refusal);
        seatsSomeoneLeftOutByHand(c.pm(), roundId, WebSession.idOf(others.get(0)));

        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);

        List<OutboxMessage> mail = Mailboxes.ofRound(roundId);
        assertEquals(7, mail.size(), "everyone hears back");
        for (OutboxMessage message : mail) {
            if (message.recipient.equals(kofi)) {
                assertTrue(message.textBody.contains("meeting 1: this round could not give you a circle")
                        && message.textBody.contains("meeting 2: this round could not give you a circle"),
                        message.textBody);
                assertNeutral(message.textBody);
                assertNull(message.ics, "no meeting to invite him to");
                others.forEach(other -> assertFalse(message.textBody.contains(other), message.textBody));
            } else {
                String all = message.textBody + message.htmlBody + message.ics;
                assertFalse(all.contains(kofiName) || all.contains(kofi), "nobody's mail names him: " + message.textBody);
                assertTrue(message.textBody.contains("Peer circle, meeting 2: with"), message.textBody);
            }
        }

        // what members see: the others' matches never name him, his own hold no circle
        for (String member : List.of(others.get(0), kofi)) {
            String matches = RoundLifecycleTest.as(member).get("/api/v1/me/matches").then().statusCode(200)
                    .extract().asString();
            WebSession session = member.equals(kofi) ? kofiSession : new WebSession();
            if (!member.equals(kofi)) {
                session.login(member, WebSession.PASSWORD);
            }
            String page = session.page("/mentoring").text();
            for (String text : List.of(matches, page)) {
                assertFalse(text.contains("could not be seated"), "the managers' reason is not shown: " + text);
                if (member.equals(kofi)) {
                    others.forEach(other -> assertFalse(text.contains(other), text));
                } else {
                    assertFalse(text.contains(kofiName) || text.contains(kofi), text);
                }
            }
            RoundLifecycleTest.as(member).get("/api/v1/rounds/" + roundId).then().statusCode(403);
        }
    }

    /**
     * A manager seats someone a meeting left out in a circle that takes them. Here the left-out place is made by hand
     * (the colleague taken from their circle of meeting 1): a solve leaves out only people no circle takes.
     */
    private static void seatsSomeoneLeftOutByHand(String pm, long roundId, long personId) {
        leaveOutOfFirstMeetingByHand(roundId, personId);
        JsonPath before = RoundLifecycleTest.as(pm).get("/api/v1/rounds/" + roundId).jsonPath();
        assertEquals(3, before.getList("notSeated").size());
        int roomy = circleWithRoom(before);

        String message = RoundLifecycleTest.as(pm).body(Map.of("personId", personId, "meeting", 0, "circle", roomy,
                "version", before.getLong("version"))).post("/api/v1/rounds/" + roundId + "/circles/move")
                .then().statusCode(200).extract().path("message");

        assertTrue(message.startsWith("Seated ") && message.contains(" in circle " + roomy + " (pinned)"), message);
        JsonPath after = RoundLifecycleTest.as(pm).get("/api/v1/rounds/" + roundId).jsonPath();
        Map<String, Object> circle = after.<Map<String, Object>>getList("circles").stream()
                .filter(c -> ((Number) c.get("meeting")).intValue() == 0 && ((Number) c.get("circle")).intValue() == roomy)
                .findFirst().orElseThrow();
        assertTrue(((List<?>) circle.get("pinned")).stream().anyMatch(p -> ((Number) p).longValue() == personId),
                circle.toString());
        assertEquals(2, after.getList("notSeated").size(), "only the one no circle takes: " + after.prettify());
    }

    /** A circle of meeting 1 with fewer than 4 members. */
    private static int circleWithRoom(JsonPath round) {
        return round.<Map<String, Object>>getList("circles").stream()
                .filter(c -> ((Number) c.get("meeting")).intValue() == 0 && ((List<?>) c.get("members")).size() < 4)
                .mapToInt(c -> ((Number) c.get("circle")).intValue()).findFirst().orElseThrow();
    }

    /** In no circle of either meeting, and listed as not seated at both with the neutral reason. */
    private static void assertLeftOutOfBothMeetings(JsonPath round, long personId) {
        List<Long> seated = round.<List<?>>getList("circles.members").stream().flatMap(List::stream)
                .map(m -> ((Number) m).longValue()).toList();
        assertEquals(12, seated.size(), "the six others at each meeting: " + round.prettify());
        assertFalse(seated.contains(personId), round.prettify());
        List<Map<String, Object>> notSeated = round.getList("notSeated");
        assertEquals(List.of(0, 1), notSeated.stream().map(n -> n.get("meeting")).toList(), round.prettify());
        for (Map<String, Object> n : notSeated) {
            assertEquals(personId, ((Number) n.get("personId")).longValue());
            assertEquals(CircleLeaveOuts.REASON, n.get("reason"));
            assertNeutral((String) n.get("reason"));
        }
    }

    /** Nothing about lists, ratings or keeping apart. */
    private static void assertNeutral(String text) {
        String lower = text.toLowerCase();
        for (String reason : List.of("do-not-pair", "do not pair", "list", "rating", "rated", "apart")) {
            assertFalse(lower.contains(reason), reason + " in: " + text);
        }
    }

    /** Takes the person out of their meeting-1 circle into the not-seated list, as a leave-out would. */
    static void leaveOutOfFirstMeetingByHand(long roundId, long personId) {
        QuarkusTransaction.requiringNew().run(() -> {
            MatchingRound round = MatchingRound.findById(roundId);
            RoundCircle circle = RoundCircle.of(round).stream().filter(c -> c.meetingIndex == 0
                    && c.members.stream().anyMatch(m -> m.is(personId))).findFirst().orElseThrow();
            circle.members.removeIf(m -> m.is(personId));
            RoundNotSeated leftOut = new RoundNotSeated();
            leftOut.round = round;
            leftOut.person = io.bridgeway.people.Person.findById(personId);
            leftOut.persist();
        });
    }
}
