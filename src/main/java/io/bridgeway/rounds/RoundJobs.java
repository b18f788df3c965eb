package io.bridgeway.rounds;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.cluster.ClusterNode;
import io.bridgeway.cluster.Leases;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each round is solved by exactly one node: the node that sets a round SOLVING takes the lease
 * {@code round-solve:<id>} in the same transaction and renews it while it solves (the heartbeat). Only the
 * holder saves results. When a node dies its lease runs out, and the lease recovery (one node at a time)
 * marks the round INTERRUPTED, as a restart always did: the snapshot, pins and edits stay, and a manager
 * solves it again. A manager's Stop on any node reaches the solving node through the database. A node that
 * shuts down (SIGTERM, a rolling update) does the same for its own solves at once, before it gives its
 * leases back, so no round waits for a lease to run out. The lease is held by one solve, not by the node (its
 * owner is a claim, {@link Leases#newClaim}): a node that stalled past its lease and is then asked to solve the
 * round again holds the new solve's lease, which its earlier solve can neither save under nor drop.
 */
@ApplicationScoped
public class RoundJobs {

    @Inject
    Leases leases;

    @Inject
    StoredProgress stored;

    @Inject
    RoundProgress progress;

    @Inject
    RoundSolver solver;

    @Inject
    RoundResults results;

    @Inject
    BridgewayConfig config;

    @Inject
    ClusterNode node;

    /** How long a shutdown waits for its solver threads to end, so none writes after the datasource closed. */
    static final Duration SOLVERS_END_WITHIN = Duration.ofSeconds(10);

    static final String SHUT_DOWN = "The application was shut down (a restart or an upgrade) while this round was "
            + "solving. Solve it again.";

    static final String NODE_LOST = "The application stopped while this round was solving. Solve it again.";

    /** Rounds this node is solving now, each with its solve's claim. */
    private final Map<Long, String> solving = new ConcurrentHashMap<>();

    static String lease(long roundId) {
        return "round-solve:" + roundId;
    }

    /**
     * In the transaction that sets the round SOLVING: this node holds the new solve from the commit on. Returns
     * the solve's claim, which the solve carries to {@link #holds} and {@link #ended}.
     */
    String claim(long roundId) {
        String claim = leases.newClaim();
        leases.create(lease(roundId), config.cluster().lease(), claim);
        stored.started(roundId);
        return claim;
    }

    /**
     * The solver starts on this node; false when the node is shutting down, and then the round is marked
     * INTERRUPTED instead (a start that came in during the shutdown). An earlier solve of the round here
     * (one whose lease ran out) is no longer renewed.
     */
    boolean solving(long roundId, String claim) {
        solving.put(roundId, claim);
        if (node.stopping()) { // checked after adding: either this or the shutdown's pass sees the round
            interrupt(roundId, claim, SHUT_DOWN);
            solving.remove(roundId, claim);
            return false;
        }
        return true;
    }

    /** Whether this node is solving the round now (its heartbeat renews the round's lease). */
    boolean solvingHere(long roundId) {
        return solving.containsKey(roundId);
    }

    /** In the saving transaction: whether this solve still holds the round, so its result may be saved. */
    boolean holds(long roundId, String claim) {
        return leases.holds(lease(roundId), claim);
    }

    /**
     * The solve ended on this node (after its result was saved): its lease and running state go. Those of a
     * later solve of the round (here or on another node) stay.
     */
    void ended(long roundId, String claim) {
        if (solving.remove(roundId, claim)) {
            stored.flush(roundId);
            stored.forget(roundId);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            leases.drop(lease(roundId), claim);
            if (!leases.exists(lease(roundId))) { // no other solve holds the round
                stored.ended(roundId);
            }
        });
    }

    /** Asks whichever node solves the round to stop (in the caller's transaction). */
    void requestStop(long roundId) {
        stored.requestStop(roundId);
    }

    /**
     * Each node: renews its solves' leases, writes pending progress and picks up stop requests. Not delayed
     * after a start like the other jobs: a solve started at once must not outlive its lease, and with no solve
     * on this node a run does nothing.
     */
    @Scheduled(identity = "round-solve-heartbeat", every = "${bridgeway.cluster.heartbeat}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (node.stopping()) {
            return; // the shutdown ends the solves and gives the leases back
        }
        for (Map.Entry<Long, String> solve : Map.copyOf(solving).entrySet()) {
            long roundId = solve.getKey();
            boolean held = QuarkusTransaction.requiringNew().call(() -> leases.renew(lease(roundId),
                    config.cluster().lease(), solve.getValue()));
            if (!held) {
                // another node found the lease run out (this node stalled): its result will not be saved
                Log.warnf("Lost the lease on round %d's solve; stopping it here", roundId);
                if (solving.remove(roundId, solve.getValue())) { // else a new solve of it started here: let it run
                    solver.stop(roundId);
                }
                continue;
            }
            stored.flush(roundId);
        }
        for (long roundId : stored.stopRequested(List.copyOf(solving.keySet()))) {
            if (!progress.isStopRequested(roundId)) {
                Log.infof("Stopping round %d's solve, as asked on another node", roundId);
                solver.stop(roundId);
            }
        }
    }

    /** One node of the cluster at a time looks for solves whose node died. */
    @Scheduled(identity = "lease-recovery", every = "${bridgeway.cluster.heartbeat}",
            delayed = "${bridgeway.jobs.first-run-after}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        leases.runOnce("lease-recovery", Leases.quietAfter(config.cluster().heartbeat()), this::recoverExpired);
    }

    /** Marks INTERRUPTED every round still SOLVING whose solve lease ran out or is gone; returns how many. */
    public int recoverExpired() {
        List<Long> running = QuarkusTransaction.requiringNew().call(() -> MatchingRound
                .find("select r.id from MatchingRound r where r.solveState = ?1", SolveState.SOLVING)
                .project(Long.class).list());
        int interrupted = 0;
        for (long roundId : running) {
            if (node.stopping()) {
                break; // leave the rest to a node that stays
            }
            if (!solvingHere(roundId) && QuarkusTransaction.requiringNew().call(() -> interruptIfOrphaned(roundId))) {
                interrupted++;
            }
        }
        if (interrupted > 0) {
            Log.warnf("Marked %d interrupted round solve(s): their node stopped while solving", interrupted);
        }
        return interrupted;
    }

    private boolean interruptIfOrphaned(long roundId) {
        String name = lease(roundId);
        if (!leases.takeIfRunOut(name, config.cluster().lease()) && leases.exists(name)) {
            return false; // its node is alive and renewing, or it is this node and the solver is just starting
        }
        results.interrupted(roundId, NODE_LOST);
        leases.drop(name);
        stored.ended(roundId);
        return true;
    }

    /**
     * This node shuts down (after {@link ClusterNode} stopped taking work, before {@link Leases} gives the
     * rest back, while the datasource is still open).
     */
    void interruptOnShutdown(@Observes @Priority(ClusterNode.LEAVING + 100) ShutdownEvent event) {
        List<Long> interrupted = interruptSolvesHere();
        if (!interrupted.isEmpty()) {
            Log.warnf("Marked round solve(s) %s interrupted: this node is shutting down", interrupted);
        }
    }

    /**
     * Ends every solve running on this node now: its pending progress is written, the round is marked
     * INTERRUPTED (shut down) and its lease and running state go, all before the solver is stopped, so the
     * solver's final callback finds the lease gone and saves nothing. The draft keeps what it had: its
     * snapshot, pins, edits and the last saved result, never replaced by a partial one. Then waits (at most
     * {@link #SOLVERS_END_WITHIN}) for the solver threads to end. Returns the rounds it interrupted.
     */
    List<Long> interruptSolvesHere() {
        Map<Long, String> solves = Map.copyOf(solving);
        List<Long> rounds = List.copyOf(solves.keySet());
        solves.forEach((roundId, claim) -> {
            try {
                stored.flush(roundId);
                stored.forget(roundId);
                interrupt(roundId, claim, SHUT_DOWN);
            } catch (RuntimeException e) {
                // the next steps still run: its lease is given back, and another node's recovery marks it
                Log.errorf(e, "Could not mark round %d interrupted on shutdown", roundId);
            }
            solving.remove(roundId, claim); // after: the lease recovery skips the rounds solving here
        });
        if (!rounds.isEmpty() && !solver.stopAll(rounds, SOLVERS_END_WITHIN)) {
            Log.warnf("Solver threads of rounds %s did not end within %s", rounds, SOLVERS_END_WITHIN);
        }
        return rounds;
    }

    /**
     * Marks the round INTERRUPTED (if still solving) and drops its lease and running state, in one
     * transaction. The solver's final save may commit the same round at the same moment: the loser of that
     * race gets a version conflict, so this tries once more; a result saved first stays.
     */
    private void interrupt(long roundId, String claim, String why) {
        Runnable interrupt = () -> QuarkusTransaction.requiringNew().run(() -> {
            results.interrupted(roundId, why);
            leases.drop(lease(roundId), claim);
            stored.ended(roundId);
        });
        try {
            interrupt.run();
        } catch (RuntimeException raced) {
            Log.infof("Round %d changed while being marked interrupted (%s); trying again", roundId, raced.getMessage());
            interrupt.run();
        }
    }
}
