package io.bridgeway.rounds;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.solver.PairingResult;
import io.bridgeway.support.WebSession;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A solve whose start fails after its round was committed SOLVING on this node (the database did not answer
 * in time, say) ends there: the manager is told, and the round is left in a state that can be solved again,
 * not SOLVING for good with a lease this node renews forever.
 */
@QuarkusTest
class RoundSolveStartTest {

    static final String POOL_TIMEOUT = "Sorry, acquisition timeout!";

    @Inject
    RoundJobs jobs;

    @Inject
    RoundResults results;

    /** The real RoundResults, but the first {@link #work} (the solve's first step) throws, as may the first marking. */
    static final class FailingOnce extends RoundResults {
        final RoundResults real;
        final AtomicBoolean failStart = new AtomicBoolean(true);
        final AtomicBoolean failMarking = new AtomicBoolean();

        FailingOnce(RoundResults real) {
            this.real = real;
        }

        @Override
        public Work work(long roundId) {
            if (failStart.getAndSet(false)) {
                throw new IllegalStateException(POOL_TIMEOUT);
            }
            return real.work(roundId);
        }

        @Override
        public void finished(long roundId, String claim, SolveState state, String message) {
            if (failMarking.getAndSet(false)) {
                throw new IllegalStateException(POOL_TIMEOUT);
            }
            real.finished(roundId, claim, state, message);
        }

        @Override
        public PairingProblem loadPairingProblem(long roundId) {
            return real.loadPairingProblem(roundId);
        }

        @Override
        public CirclesInput loadCirclesProblem(long roundId) {
            return real.loadCirclesProblem(roundId);
        }

        @Override
        public void savePairing(long roundId, String claim, PairingResult result, boolean stopped,
                boolean circlesFollow) {
            real.savePairing(roundId, claim, result, stopped, circlesFollow);
        }

        @Override
        public void saveCircles(long roundId, String claim, CircleLeaveOuts.Seated seated, List<CirclePin> pins,
                boolean stopped) {
            real.saveCircles(roundId, claim, seated, pins, stopped);
        }

        @Override
        void interrupted(long roundId, String why) {
            real.interrupted(roundId, why);
        }
    }

    FailingOnce failing;

    @BeforeEach
    void failTheNextStart() {
        failing = new FailingOnce(ClientProxy.unwrap(results)); // the bean itself, with its transactions
        QuarkusMock.installMockForType(failing, RoundResults.class);
    }

    @Test
    void aStartThatFailsAfterItsCommitFailsTheRoundAndItCanBeSolvedAgain() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("failstart", 2, 3);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/programs/" + c.programId() + "/rounds")
                .then().statusCode(503).body("error", containsString("Solve again"));

        long roundId = onlyRound(c);
        JsonPath failed = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        assertEquals("FAILED", failed.getString("solveState"), "not left SOLVING");
        assertEquals("The solve could not start: " + POOL_TIMEOUT, failed.getString("solveMessage"), "for an admin");
        assertNothingRunning(roundId);

        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/stop")
                .then().statusCode(400).body("error", containsString("not solving"));
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/solve?version=" + failed.getLong("version"))
                .then().statusCode(200);
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals("SOLVED", solved.getString("solveState"));
        assertEquals(3, solved.getInt("matched"));
        assertNothingRunning(roundId);
    }

    @Test
    void aSolveAgainThatFailsToStartTellsTheManagerOnTheRoundPageAndTheDraftCanBeDiscarded() {
        failing.failStart.set(false);
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("failagain", 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);

        failing.failStart.set(true);
        WebSession pm = new WebSession();
        pm.login(c.pm(), WebSession.PASSWORD);
        String solveAgain = "/rounds/" + roundId + "/solve";
        Response refused = pm.post(solveAgain,
                WebSession.formData(pm.page("/rounds/" + roundId), "form[action=" + solveAgain + "]", Map.of()));
        assertEquals(503, refused.statusCode());
        assertTrue(refused.asString().contains("The solve could not start"), "the round page, with the reason");
        assertEquals(SolveState.FAILED, RoundRecoveryTest.state(roundId));
        assertNothingRunning(roundId);

        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/discard").then().statusCode(200);
        assertEquals(RoundStatus.DISCARDED, QuarkusTransaction.requiringNew().call(
                () -> MatchingRound.<MatchingRound>findById(roundId).status));
    }

    @Test
    void whenEvenMarkingTheRoundFailedFailsTheRecoveryInterruptsIt() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("failmark", 2, 3);
        failing.failMarking.set(true);
        WebSession pm = new WebSession();
        pm.login(c.pm(), WebSession.PASSWORD);
        String programme = "/programs/" + c.programId();
        Response started = pm.submit(programme, programme + "/rounds", Map.of());
        assertEquals(303, started.statusCode());
        assertTrue(started.getHeader("Location").endsWith(programme), started.getHeader("Location"));
        String flash = pm.page(programme).text();
        assertTrue(flash.contains("The solve could not start"), "back on the programme page, with the reason");
        long roundId = onlyRound(c);
        assertFalse(jobs.solvingHere(roundId), "this node no longer renews its lease");

        // the scheduled lease recovery (every second in tests) finds no solve holding the round
        Awaitility.await("the lease recovery").atMost(Duration.ofSeconds(30))
                .until(() -> RoundRecoveryTest.state(roundId) == SolveState.INTERRUPTED);
        assertNothingRunning(roundId);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/solve?version=" + version(roundId))
                .then().statusCode(200);
        assertEquals("SOLVED", RoundLifecycleTest.awaitSolved(c.pm(), roundId).getString("solveState"));
    }

    long onlyRound(RoundLifecycleTest.Cohort c) {
        List<Long> rounds = RoundLifecycleTest.as(c.pm()).get("/api/v1/programs/" + c.programId() + "/rounds")
                .then().statusCode(200).extract().jsonPath().getList("rounds.id", Long.class);
        assertEquals(1, rounds.size(), rounds.toString());
        return rounds.get(0);
    }

    void assertNothingRunning(long roundId) {
        assertFalse(jobs.solvingHere(roundId), "the node does not list it as solving");
        RoundRecoveryTest.assertNoSolveRecorded(roundId);
    }


    long version(long roundId) {
        return QuarkusTransaction.requiringNew().call(() -> MatchingRound.<MatchingRound>findById(roundId).version);
    }
}
