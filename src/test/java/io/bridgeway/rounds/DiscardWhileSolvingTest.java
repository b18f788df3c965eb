package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Discarding a round while it solves stops the solver and discards the draft. It used to answer 409:
 * the blocking stop ran inside the discard's transaction while the solver's final save committed first.
 */
@QuarkusTest
class DiscardWhileSolvingTest {

    @Test
    void theApiDiscardsASolvingRound() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("discardsolvingjson", 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/discard").then().statusCode(200);
        JsonPath round = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals("DISCARDED", round.getString("status"), round.prettify());
        assertEquals("STOPPED", round.getString("solveState"));
    }

    @Test
    void thePageDiscardsASolvingRound() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("discardsolvinghtml", 2, 3);
        WebSession pm = new WebSession();
        pm.login(c.pm(), WebSession.PASSWORD);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        Response discarded = pm.submit("/rounds/" + roundId, "/rounds/" + roundId + "/discard", Map.of());
        assertEquals(303, discarded.statusCode(), discarded.asString());
        assertEquals("DISCARDED", RoundLifecycleTest.awaitSolved(c.pm(), roundId).getString("status"));
    }
}
