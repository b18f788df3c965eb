package io.bridgeway.rounds;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A round whose solve failed or was interrupted holds a partial result (once 0 circles, once 0
 * pairs): it is not offered for publishing and both the page and the API refuse it.
 */
@QuarkusTest
class UnfinishedSolveCannotBePublishedTest {

    static long solvedRound(RoundLifecycleTest.Cohort c) {
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        return roundId;
    }

    static void markAs(long roundId, SolveState state) {
        QuarkusTransaction.requiringNew().run(() -> MatchingRound.<MatchingRound>findById(roundId).solveState = state);
    }

    @Test
    void anInterruptedRoundIsNotOfferedAndThePageRefusesToPublishIt() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("unfinishedhtml", 2, 2);
        long roundId = solvedRound(c);
        markAs(roundId, SolveState.INTERRUPTED);
        WebSession pm = new WebSession();
        pm.login(c.pm(), WebSession.PASSWORD);

        Document page = pm.page("/rounds/" + roundId);
        assertTrue(page.select("form[action=/rounds/" + roundId + "/publish]").isEmpty(), "no Publish button");
        assertTrue(page.select("#not-publishable").text().contains("Solve it again"), page.select("#actions").text());

        Response refused = pm.submit("/rounds/" + roundId, "/rounds/" + roundId + "/publish", java.util.Map.of());
        assertEquals(400, refused.statusCode());
        assertTrue(Jsoup.parse(refused.asString()).select(".error-summary").text().contains("cannot be published"));
        RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().body("status", containsString("DRAFT"));
    }

    @Test
    void aFailedRoundIsRefusedByTheApiAndCanStillBeSolvedAndPublished() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("unfinishedjson", 2, 2);
        long roundId = solvedRound(c);
        markAs(roundId, SolveState.FAILED);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish")
                .then().statusCode(400).body("error", containsString("cannot be published"))
                .body("error", containsString("Solve it again"));
        long version = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then()
                .body("status", containsString("DRAFT")).extract().jsonPath().getLong("version");

        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/solve?version=" + version).then().statusCode(200);
        assertEquals("SOLVED", RoundLifecycleTest.awaitSolved(c.pm(), roundId).getString("solveState"));
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200)
                .body("publishedNow", org.hamcrest.Matchers.equalTo(true));
    }
}
