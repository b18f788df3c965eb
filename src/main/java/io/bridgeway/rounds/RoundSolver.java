package io.bridgeway.rounds;

import io.bridgeway.matching.InvalidInstanceException;
import io.bridgeway.matching.circles.domain.Circle;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.Placement;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import io.bridgeway.matching.circles.solver.CirclesScheduleFactory;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.solver.PairExplainer;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import io.bridgeway.BridgewayConfig;
import io.bridgeway.cluster.ClusterNode;
import io.bridgeway.web.UnavailableException;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.api.solver.SolverStatus;

/**
 * Runs a round's solves in the background on the CDI-produced SolverManagers (job id = round id):
 * first the mentor pairs, then the circles, as the programme asks. Live progress goes to
 * {@link RoundProgress} (this node) and {@link StoredProgress} (every node), final results to {@link RoundResults}.
 * The caller took the round's lease ({@link RoundJobs}); it is dropped when the solve ends.
 */
@ApplicationScoped
public class RoundSolver {

    @Inject
    SolverManager<PairingSolution, Long> pairingSolver;

    @Inject
    SolverManager<CirclesSchedule, Long> circlesSolver;

    private final Map<Long, AtomicBoolean> circleStops = new ConcurrentHashMap<>();

    /** Rounds whose solve started here and has not ended (see {@link #ended}), each with its solve's claim. */
    private final Map<Long, String> inFlight = new ConcurrentHashMap<>();

    @Inject
    RoundResults results;

    @Inject
    RoundProgress progress;

    @Inject
    BridgewayConfig config;

    @Inject
    StoredProgress stored;

    @Inject
    RoundJobs jobs;

    static final String NOT_STARTED = "The solve could not start; the error has been logged. "
            + "Try \"Solve again\" on the round in a moment.";

    /**
     * Starts solving; the round must already be committed in state SOLVING. When the start fails here (the
     * database did not answer, say), the round is marked FAILED and its lease and running state go, so that it
     * can be solved again at once; then this throws {@link UnavailableException}.
     *
     * @param claim the solve's claim on the round, from {@link RoundJobs#claim}
     */
    public void solve(long roundId, String claim) {
        progress.started(roundId); // first: a shutdown's stop request from here on is kept
        if (!jobs.solving(roundId, claim)) {
            return; // this node is shutting down: the round was marked interrupted
        }
        inFlight.put(roundId, claim);
        try {
            begin(roundId, claim);
        } catch (RuntimeException e) {
            try {
                failed(roundId, claim, "The solve could not start: ", e);
            } catch (RuntimeException notMarked) {
                // it ended here all the same: with its lease no longer renewed, the lease recovery marks it interrupted
                e.addSuppressed(notMarked);
            }
            throw new UnavailableException(NOT_STARTED, e);
        }
    }

    private void begin(long roundId, String claim) {
        RoundResults.Work work = results.work(roundId);
        if (work.pairs()) {
            solvePairs(roundId, claim, work.circles());
        } else if (work.circles()) {
            solveCircles(roundId, claim);
        } else {
            results.finished(roundId, claim, SolveState.SOLVED, "Nobody takes part as a mentee or circle member.");
            ended(roundId, claim);
        }
    }

    private void solvePairs(long roundId, String claim, boolean circlesFollow) {
        long start = System.nanoTime();
        PairingSolution problem;
        try {
            PairingProblem pairing = results.loadPairingProblem(roundId);
            problem = PairingSolutionFactory.build(pairing, config.solve().maxPeople());
        } catch (RuntimeException e) {
            failed(roundId, claim, "The mentor pairs cannot be solved as they are: ", e);
            return;
        }
        // terminateEarly does not reach the exact step (a custom phase); the stop request does.
        problem.setStopSignal(() -> progress.isStopRequested(roundId));
        phaseStarted(roundId, RoundProgress.Phase.PAIRS);
        pairingSolver.solveAndListen(roundId, id -> problem,
                best -> stored.improved(roundId,
                        progress.improvedPairs(roundId, String.valueOf(best.getScore()), matched(best))),
                finalBest -> {
                    boolean stopped = progress.isStopRequested(roundId);
                    stored.flush(roundId);
                    results.savePairing(roundId, claim,
                            PairExplainer.explain(finalBest, (System.nanoTime() - start) / 1e9),
                            stopped, circlesFollow && !stopped);
                    if (circlesFollow && !stopped) {
                        solveCircles(roundId, claim);
                    } else {
                        ended(roundId, claim);
                    }
                },
                (id, error) -> failed(roundId, claim, "The pairing solver failed: ", error));
    }

    private void solveCircles(long roundId, String claim) {
        long start = System.nanoTime();
        RoundResults.CirclesInput input;
        CirclesSchedule schedule;
        try {
            input = results.loadCirclesProblem(roundId);
            schedule = CirclesScheduleFactory.build(input.problem());
            applyPins(schedule, input.pins());
        } catch (RuntimeException e) {
            failed(roundId, claim, "The circles cannot be formed as they are: ", e);
            return;
        }
        // terminateEarly does not reach the custom circle search; this flag does (see stop).
        AtomicBoolean stopFlag = new AtomicBoolean();
        circleStops.put(roundId, stopFlag);
        if (progress.isStopRequested(roundId)) {
            stopFlag.set(true); // a stop that came between the pairs' end and here
        }
        schedule.setStopSignal(stopFlag::get);
        phaseStarted(roundId, RoundProgress.Phase.CIRCLES);
        circlesSolver.solveAndListen(roundId, id -> schedule,
                best -> circlesImproved(roundId, best),
                finalBest -> {
                    circleStops.remove(roundId, stopFlag);
                    CircleSeating.seatLeastConnectedAndRescore(input.problem(), finalBest, input.crossTies()::of);
                    stored.flush(roundId);
                    CirclesResult solved = CirclesPlanner.toResult(input.problem(), finalBest,
                            (System.nanoTime() - start) / 1e9);
                    results.saveCircles(roundId, claim,
                            CircleLeaveOuts.leaveOutKeptApart(input.problem(), solved, input.pins()),
                            input.pins(), progress.isStopRequested(roundId));
                    ended(roundId, claim);
                },
                (id, error) -> {
                    circleStops.remove(roundId, stopFlag);
                    failed(roundId, claim, "The circles solver failed: ", error);
                });
    }

    /** Puts each pinned person into their circle and fixes them there. */
    static void applyPins(CirclesSchedule schedule, List<RoundResults.CirclePin> pins) {
        Map<String, Circle> circles = new HashMap<>();
        schedule.getCircles().forEach(c -> circles.put(c.round() + "/" + c.index(), c));
        Map<String, RoundResults.CirclePin> byPlacement = new HashMap<>();
        pins.forEach(p -> byPlacement.put(p.personId() + "/" + p.meetingIndex(), p));
        for (Placement placement : schedule.getPlacements()) {
            RoundResults.CirclePin pin = byPlacement.get(placement.getMember().id() + "/" + placement.getRound());
            Circle circle = pin == null ? null : circles.get(pin.meetingIndex() + "/" + pin.circleIndex());
            if (circle != null) {
                placement.setCircle(circle);
                placement.setPinned(true);
            }
        }
    }

    private void failed(long roundId, String claim, String what, Throwable error) {
        if (io.bridgeway.web.StaleWrites.isStaleWrite(error)) {
            Log.infof("Round %d changed while its solve was saving (discarded): nothing kept", roundId);
        } else if (error instanceof InvalidInstanceException) {
            Log.warnf("Round %d cannot be solved as it is: %s", roundId, error.getMessage());
        } else {
            Log.errorf(error, "Solving round %d failed", roundId);
        }
        try {
            results.finished(roundId, claim, SolveState.FAILED, what + error.getMessage());
        } finally {
            ended(roundId, claim); // also when the round could not be marked: this node must stop renewing its lease
        }
    }

    /** Every way a solve on this node ends: its results are saved (or its failure noted) by now. */
    private void ended(long roundId, String claim) {
        try {
            jobs.ended(roundId, claim);
        } finally {
            inFlight.remove(roundId, claim);
        }
    }

    private void phaseStarted(long roundId, RoundProgress.Phase phase) {
        progress.phaseStarted(roundId, phase);
        stored.phaseStarted(roundId, phase);
    }

    /** Ends a running solve early; the best solution so far is saved as the draft. */
    public void stop(long roundId) {
        progress.stopRequested(roundId);
        pairingSolver.terminateEarly(roundId);
        AtomicBoolean circleStop = circleStops.get(roundId);
        if (circleStop != null) {
            // Not terminateEarly: it would skip a search that has not begun, leaving people without a circle.
            circleStop.set(true);
        } else {
            circlesSolver.terminateEarly(roundId);
        }
    }

    /**
     * Stops these rounds' solves and waits until their solver jobs (and final callbacks) ended, at most
     * {@code within}; whether they all did. A job still queued is cancelled without a callback.
     */
    boolean stopAll(Collection<Long> roundIds, Duration within) {
        roundIds.forEach(this::stop);
        return ClusterNode.awaitWithin(within, () -> roundIds.stream().noneMatch(this::running));
    }

    /**
     * Until its final callback has saved: OptaPlanner reports a job NOT_SOLVING once the solver thread is done,
     * before the final best solution's consumer (another thread) has run.
     */
    private boolean running(long roundId) {
        return inFlight.containsKey(roundId) || pairingSolver.getSolverStatus(roundId) != SolverStatus.NOT_SOLVING
                || circlesSolver.getSolverStatus(roundId) != SolverStatus.NOT_SOLVING;
    }

    private void circlesImproved(long roundId, CirclesSchedule best) {
        HardMediumSoftScore score = best.getScore();
        if (score != null) {
            // Medium counts repeated meetings, soft the weighted preferences (see CirclesSchedule).
            stored.improved(roundId,
                    progress.improvedCircles(roundId, score.toString(), -score.mediumScore(), -score.softScore()));
        }
    }

    static int matched(PairingSolution solution) {
        int matched = 0;
        for (MenteeAssignment assignment : solution.getAssignments()) {
            if (assignment.getMentor() != null) {
                matched++;
            }
        }
        return matched;
    }
}
