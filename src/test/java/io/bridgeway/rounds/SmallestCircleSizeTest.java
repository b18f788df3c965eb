package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The round's smallest circle size, as its solve sets it (the programme's, or less where the headcount needs it:
 * 7 people in 4..5 give 4 + 3): the review page and the API mark the circles below it, and a manager's move may
 * take a circle down to it but not below.
 */
@QuarkusTest
class SmallestCircleSizeTest {

    private static final String MARK = "Below the smallest size (4): move someone in";

    @Test
    void aCircleLeftBelowTheSmallestSizeIsMarkedOnTheReviewPageAndInTheApi() {
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("smallmark", 1, 4, 5,
                CircleRoundTest.members("smallmark", 8));
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals(List.of(4, 4), sizes(solved), solved.prettify());
        long leaving = ((Number) ((List<?>) CircleRoundTest.circleNumbered(solved, 1).get("members")).get(0)).longValue();
        // as the leave-outs do when no circle can be refilled from
        UnseatableCircleMemberTest.leaveOutOfFirstMeetingByHand(roundId, leaving);

        WebSession manager = new WebSession();
        manager.login(c.pm(), WebSession.PASSWORD);
        Document page = manager.page("/rounds/" + roundId);
        assertEquals(MARK, card(page, 1).select(".below-smallest").text(), card(page, 1).html());
        assertTrue(card(page, 2).select(".below-smallest").isEmpty(), card(page, 2).html());
        assertEquals(1, page.select("#circle-grid .below-smallest").size(), page.select("#circle-grid").html());

        JsonPath round = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).jsonPath();
        assertEquals(true, CircleRoundTest.circleNumbered(round, 1).get("belowSmallestSize"), round.prettify());
        assertEquals(false, CircleRoundTest.circleNumbered(round, 2).get("belowSmallestSize"), round.prettify());
    }

    @Test
    void noCircleIsMarkedWhenTheHeadcountShrankTheSmallestSize() {
        SolvedRound round = sevenInFourToFive("smallnone");
        assertEquals(List.of(false, false), round.json().getList("circles.belowSmallestSize"), round.json().prettify());

        WebSession manager = new WebSession();
        manager.login(round.pm(), WebSession.PASSWORD);
        Document page = manager.page("/rounds/" + round.id());
        assertEquals(2, page.select("#circle-grid li.card").size(), page.select("#circle-grid").html());
        assertTrue(page.select("#circle-grid .below-smallest").isEmpty(), page.select("#circle-grid").html());
        assertFalse(page.select("#circle-grid").text().contains("Below the smallest size"), page.select("#circle-grid").text());
    }

    @Test
    void aMoveMayTakeACircleDownToTheShrunkSmallestSizeButNotBelowIt() {
        SolvedRound round = sevenInFourToFive("smallmove");
        JsonPath solved = round.json();
        int four = sizes(solved).get(0) == 4 ? 1 : 2;
        int three = 3 - four;
        long mover = ((Number) ((List<?>) CircleRoundTest.circleNumbered(solved, four).get("members")).get(0)).longValue();

        // 4 + 3 to 3 + 4: allowed, though the programme's smallest size is 4
        RoundLifecycleTest.as(round.pm()).body(Map.of("personId", mover, "meeting", 0, "circle", three,
                "version", solved.getLong("version"))).post("/api/v1/rounds/" + round.id() + "/circles/move")
                .then().statusCode(200);
        JsonPath moved = RoundLifecycleTest.as(round.pm()).get("/api/v1/rounds/" + round.id()).jsonPath();
        assertEquals(3, ((List<?>) CircleRoundTest.circleNumbered(moved, four).get("members")).size(), moved.prettify());

        // 3 + 4 to 2 + 5: refused, the round's smallest size is 3
        long next = ((Number) ((List<?>) CircleRoundTest.circleNumbered(moved, four).get("members")).get(0)).longValue();
        String refusal = RoundLifecycleTest.as(round.pm()).body(Map.of("personId", next, "meeting", 0, "circle", three,
                "version", moved.getLong("version"))).post("/api/v1/rounds/" + round.id() + "/circles/move")
                .then().statusCode(400).extract().path("error");
        assertEquals("Circle " + four + " would have 2 members; the smallest allowed is 3.", refusal);
    }

    private record SolvedRound(String pm, long id, JsonPath json) {
    }

    /** A solved one-meeting round of 7 circle members in 4..5: circles of 4 and 3. */
    private static SolvedRound sevenInFourToFive(String prefix) {
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort(prefix, 1, 4, 5, CircleRoundTest.members(prefix, 7));
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals("SOLVED", solved.getString("solveState"), solved.prettify());
        assertEquals(List.of(3, 4), sizes(solved).stream().sorted().toList(), solved.prettify());
        return new SolvedRound(c.pm(), roundId, solved);
    }

    /** The member counts of the round's circles, in circle order. */
    private static List<Integer> sizes(JsonPath round) {
        return round.<Map<String, Object>>getList("circles").stream()
                .sorted(java.util.Comparator.comparingInt(c -> ((Number) c.get("circle")).intValue()))
                .map(c -> ((List<?>) c.get("members")).size()).toList();
    }

    private static Element card(Document page, int circle) {
        Element card = page.selectFirst("#circle-grid li.card:has(h3:containsOwn(Circle " + circle + "))");
        assertNotNull(card, page.select("#circle-grid").html());
        return card;
    }

}
