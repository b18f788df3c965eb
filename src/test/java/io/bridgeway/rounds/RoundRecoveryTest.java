package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.cluster.ClusterNode;
import io.bridgeway.cluster.Leases;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.api.solver.SolverStatus;

/** A solve cut short by a crash, a restart or a shutdown leaves a round that can be solved again. */
@QuarkusTest
class RoundRecoveryTest {

    @Inject
    RoundJobs jobs;

    @Inject
    SolverManager<PairingSolution, Long> pairingSolver;

    @Inject
    Leases leases;

    @Inject
    StoredProgress stored;

    @Inject
    RoundResults results;

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

    /** A solved round, then a "solve again" whose start committed on this node (SOLVING, its lease) but no solver. */
    record CommittedStart(RoundLifecycleTest.Cohort cohort, long roundId, String claim) {
    }

    CommittedStart startCommittedWithoutSolver(String name) {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort(name, 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        String claim = QuarkusTransaction.requiringNew().call(() -> {
            MatchingRound.<MatchingRound>findById(roundId).solveState = SolveState.SOLVING;
            return jobs.claim(roundId);
        });
        return new CommittedStart(c, roundId, claim);
    }

    @Test
    void aSolveJustStartedHereIsNotTakenForAnOrphan() {
        // the window between a start's commit on this node and its solver thread joining the running set
        CommittedStart started = startCommittedWithoutSolver("juststarted");
        long roundId = started.roundId();
        assertEquals(0, jobs.recoverExpired(), "not orphaned: the lease is this node's and still running");
        assertEquals(SolveState.SOLVING, QuarkusTransaction.requiringNew().call(
                () -> MatchingRound.<MatchingRound>findById(roundId).solveState), "nor by the scheduled recovery");

        QuarkusTransaction.requiringNew().run(() -> { // leave no SOLVING round behind
            results.interrupted(roundId, RoundJobs.NODE_LOST);
            leases.drop(RoundJobs.lease(roundId), started.claim());
            stored.ended(roundId);
        });
    }

    @Test
    void anEarlierSolveOfARoundOnThisNodeNeitherSavesOverNorEndsTheNextSolve() {
        // this node stalled past its lease, the round was interrupted, and "solve again" landed here again
        CommittedStart earlier = startCommittedWithoutSolver("twice");
        long roundId = earlier.roundId();
        assertTrue(jobs.solving(roundId, earlier.claim()));
        QuarkusTransaction.requiringNew().run(() -> results.interrupted(roundId, RoundJobs.NODE_LOST));
        String next = QuarkusTransaction.requiringNew().call(() -> {
            MatchingRound.<MatchingRound>findById(roundId).solveState = SolveState.SOLVING;
            return jobs.claim(roundId);
        });
        assertTrue(jobs.solving(roundId, next));

        results.finished(roundId, earlier.claim(), SolveState.SOLVED, "outdated");
        assertEquals(SolveState.SOLVING, state(roundId), "the earlier solve's result is not saved");
        jobs.ended(roundId, earlier.claim());
        assertTrue(jobs.solvingHere(roundId), "the next solve still runs here");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> jobs.holds(roundId, next)), "and holds its lease");
        assertEquals(1, count("select count(*) from round_solve where round_id = " + roundId),
                "its progress row stays");

        results.finished(roundId, next, SolveState.SOLVED, null);
        jobs.ended(roundId, next);
        assertEquals(SolveState.SOLVED, state(roundId));
        assertFalse(jobs.solvingHere(roundId));
        assertNoSolveRecorded(roundId);
    }

    static SolveState state(long roundId) {
        return QuarkusTransaction.requiringNew().call(() -> MatchingRound.<MatchingRound>findById(roundId).solveState);
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

    @Test
    void aShutdownDuringASolveInterruptsTheRoundAtOnceAndKeepsTheSavedPairs() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("shutdown", 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals("SOLVED", solved.getString("solveState"));
        List<Long> savedPairs = solved.getList("pairs.id", Long.class);
        assertEquals(3, savedPairs.size());

        // solve again; its local search runs 2 s without improving, so it is still running when the node stops
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/solve?version=" + solved.getLong("version"))
                .then().statusCode(200);
        assertTrue(jobs.interruptSolvesHere().contains(roundId), "the shutdown path (ShutdownEvent) on this node");

        assertEquals(SolverStatus.NOT_SOLVING, pairingSolver.getSolverStatus(roundId), "the solver thread ended");
        JsonPath interrupted = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        assertEquals("INTERRUPTED", interrupted.getString("solveState"), "at once, not after the lease ran out");
        assertTrue(interrupted.getString("solveMessage").contains("shut down"), interrupted.getString("solveMessage"));
        assertEquals(savedPairs, interrupted.getList("pairs.id", Long.class),
                "the last saved pairs stay: the cut-short solve saved nothing over them");
        assertNoSolveRecorded(roundId); // its lease is gone too, so no node waits for it
        assertEquals(0, jobs.recoverExpired(), "nothing left for the lease recovery");

        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/solve?version=" + interrupted.getLong("version"))
                .then().statusCode(200);
        assertEquals("SOLVED", RoundLifecycleTest.awaitSolved(c.pm(), roundId).getString("solveState"));
    }

    @Test
    void aSolveThatWouldStartWhileTheNodeShutsDownIsInterruptedInstead() {
        // a "solve again" request that committed its start after the shutdown began
        CommittedStart started = startCommittedWithoutSolver("latestart");
        RoundLifecycleTest.Cohort c = started.cohort();
        long roundId = started.roundId();
        RoundJobs stopping = new RoundJobs(); // this node's jobs, on a node that is shutting down
        stopping.leases = leases;
        stopping.stored = stored;
        stopping.results = results;
        stopping.node = new ClusterNode();
        stopping.node.stop();

        assertFalse(stopping.solving(roundId, started.claim()), "no solver starts");
        JsonPath round = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        assertEquals("INTERRUPTED", round.getString("solveState"));
        assertTrue(round.getString("solveMessage").contains("shut down"), round.getString("solveMessage"));
        assertNoSolveRecorded(roundId);
        assertEquals(3, round.getInt("matched"), "the saved pairs stay");
    }

    /** Neither a lease nor a running solve (round_solve) is left for the round. */
    static void assertNoSolveRecorded(long roundId) {
        String lease = RoundJobs.lease(roundId);
        assertEquals(0, count("select count(*) from cluster_lease where lease_name = '" + lease + "'"), "its lease is gone");
        assertEquals(0, count("select count(*) from round_solve where round_id = " + roundId), "no running solve");
    }

    static long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(sql)
                .getSingleResult()).longValue());
    }
}
