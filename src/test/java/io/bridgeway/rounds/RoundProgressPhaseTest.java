package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The progress box names the phase that runs, with its own clock, and the history names each point's phase. */
@QuarkusTest
class RoundProgressPhaseTest {

    @Test
    void theProgressFragmentNamesTheCirclesPhaseWhileItRunsAndAfter() {
        // The circle search runs at least bridgeway.solve.circles-unimproved-seconds (1 s in tests) and reports
        // only at its end: the box must still say which phase runs.
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("phase", 3, 3, 4,
                CircleRoundTest.members("phase", 24));
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        WebSession page = new WebSession();
        page.login(c.pm(), WebSession.PASSWORD);

        AtomicReference<Document> seen = new AtomicReference<>();
        Awaitility.await("the circles phase shows").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Document fragment = progressBox(page, roundId);
                    boolean circlesRunning = fragment.selectFirst("#phase") != null
                            && fragment.selectFirst("#phase").text().startsWith("Phase: circles");
                    boolean solved = fragment.selectFirst("#progress").attr("hx-trigger").isEmpty();
                    if (circlesRunning) {
                        seen.set(fragment);
                    }
                    return circlesRunning || solved;
                });
        assertTrue(seen.get() != null, "the progress box named the circles phase while it ran");
        String phase = seen.get().selectFirst("#phase").text();
        assertTrue(phase.matches("Phase: circles · \\d+\\.\\d s"), phase);
        assertTrue(!seen.get().text().contains("Elapsed"), "no frozen total from the last improvement");

        JsonPath round = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals("SOLVED", round.getString("solveState"), round.prettify());
        assertNull(round.get("phase"), "no phase once solved");

        Document after = progressBox(page, roundId);
        assertNull(after.selectFirst("#phase"), "no running phase once solved");
        List<String> phases = after.select("table.compact tbody tr td:nth-child(2)").eachText();
        assertTrue(phases.contains("circles"), "the history names the circles phase: " + phases);
    }

    /** The progress box as htmx polls it. */
    private static Document progressBox(WebSession page, long roundId) {
        return Jsoup.parse(page.request().header("HX-Request", "true")
                .get("/rounds/" + roundId + "/progress").then().statusCode(200).extract().asString());
    }

    @Test
    void theJsonStatusNamesTheRunningPhase() {
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("jsonphase", 3, 3, 4,
                CircleRoundTest.members("jsonphase", 24));
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        AtomicReference<JsonPath> seen = new AtomicReference<>();
        Awaitility.await("the circles phase shows").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonPath json = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then()
                            .statusCode(200).extract().jsonPath();
                    if ("circles".equals(json.getString("phase"))) {
                        seen.set(json);
                    }
                    return seen.get() != null || !"SOLVING".equals(json.getString("solveState"));
                });
        assertTrue(seen.get() != null, "the JSON status named the circles phase while it ran");
        assertTrue(seen.get().getDouble("progress.phaseSeconds") >= 0, seen.get().prettify());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
    }
}
