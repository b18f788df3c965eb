package io.bridgeway.rounds;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.cluster.Leases;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each round is solved by exactly one node: the node that sets a round SOLVING takes the lease
 * {@code round-solve:<id>} in the same transaction and renews it while it solves (the heartbeat). Only the
 * holder saves results. When a node dies its lease runs out, and the lease recovery (one node at a time)
 * marks the round INTERRUPTED, as a restart always did: the snapshot, pins and edits stay, and a manager
 * solves it again. A manager's Stop on any node reaches the solving node through the database.
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

    /** Rounds this node is solving now. */
    private final Set<Long> solving = ConcurrentHashMap.newKeySet();

    static String lease(long roundId) {
        return "round-solve:" + roundId;
    }

    /** In the transaction that sets the round SOLVING: this node holds its solve from the commit on. */
    void claim(long roundId) {
        leases.create(lease(roundId), config.cluster().lease());
        stored.started(roundId);
    }

    /** The solver starts on this node. */
    void solving(long roundId) {
        solving.add(roundId);
    }

    /** In the saving transaction: whether this node still holds the round's solve, so its result may be saved. */
    boolean holds(long roundId) {
        return leases.holds(lease(roundId));
    }

    /** The solve ended on this node (after its result was saved): the lease and the running state go. */
    void ended(long roundId) {
        solving.remove(roundId);
        stored.flush(roundId);
        stored.forget(roundId);
        QuarkusTransaction.requiringNew().run(() -> {
            leases.drop(lease(roundId));
            if (!leases.exists(lease(roundId))) { // another node did not take over in between
                stored.ended(roundId);
            }
        });
    }

    /** Asks whichever node solves the round to stop (in the caller's transaction). */
    void requestStop(long roundId) {
        stored.requestStop(roundId);
    }

    /** Each node: renews its solves' leases, writes pending progress and picks up stop requests. */
    @Scheduled(identity = "round-solve-heartbeat", every = "${bridgeway.cluster.heartbeat}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (long roundId : List.copyOf(solving)) {
            boolean held = QuarkusTransaction.requiringNew().call(() -> leases.renew(lease(roundId),
                    config.cluster().lease()));
            if (!held) {
                // another node found the lease run out (this node stalled): its result will not be saved
                Log.warnf("Lost the lease on round %d's solve; stopping it here", roundId);
                solving.remove(roundId);
                solver.stop(roundId);
                continue;
            }
            stored.flush(roundId);
        }
        for (long roundId : stored.stopRequested(solving)) {
            if (!progress.isStopRequested(roundId)) {
                Log.infof("Stopping round %d's solve, as asked on another node", roundId);
                solver.stop(roundId);
            }
        }
    }

    /** One node of the cluster at a time looks for solves whose node died. */
    @Scheduled(identity = "lease-recovery", every = "${bridgeway.cluster.heartbeat}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
            if (!solving.contains(roundId) && QuarkusTransaction.requiringNew().call(() -> interruptIfOrphaned(roundId))) {
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
        if (!leases.take(name, config.cluster().lease()) && leases.exists(name)) {
            return false; // its node is alive and renewing
        }
        results.interrupted(roundId);
        leases.drop(name);
        stored.ended(roundId);
        return true;
    }
}
