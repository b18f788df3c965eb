package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A solve cut short by a crash or restart leaves a round that can be solved again. */
@QuarkusTest
class RoundRecoveryTest {

    @Inject
    RoundJobs jobs;

    @Test
    void anInterruptedRoundCanBeSolvedAgain() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("recover", 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);

        // the node died while solving, so no node holds the round's solve: the lease recovery marks it interrupted
        QuarkusTransaction.requiringNew().run(() -> MatchingRound.<MatchingRound>findById(roundId).solveState = SolveState.SOLVING);
        jobs.recoverExpired(); // the scheduled recovery (every second in tests) may have come first
        assertEquals(0, jobs.recoverExpired(), "marked once");
        JsonPath interrupted = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        assertEquals("INTERRUPTED", interrupted.getString("solveState"));
        assertTrue(interrupted.getString("solveMessage").contains("Solve it again"));

        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/solve?version=" + interrupted.getLong("version"))
                .then().statusCode(200);
        JsonPath again = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals("SOLVED", again.getString("solveState"));
        assertEquals(3, again.getInt("matched"));
    }

    @Test
    void stoppingASolveKeepsTheBestSolutionSoFar() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("stopper", 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/stop").then().statusCode(200);
        JsonPath stopped = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals("STOPPED", stopped.getString("solveState"));
        assertEquals(3, stopped.getInt("matched"), "the exact start already matched everyone");
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/stop").then().statusCode(400);
    }
}
