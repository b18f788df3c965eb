package io.bridgeway.rounds;

import io.bridgeway.matching.pairing.domain.InvalidInstanceException;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.solver.PairExplainer;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optaplanner.core.api.solver.SolverManager;

/**
 * Runs a round's solve in the background on the CDI-produced SolverManager (job id = round id):
 * live progress goes to {@link RoundProgress}, the final best solution to {@link RoundResults}.
 */
@ApplicationScoped
public class RoundSolver {

    @Inject
    SolverManager<PairingSolution, Long> pairingSolver;

    @Inject
    RoundResults results;

    @Inject
    RoundProgress progress;

    @ConfigProperty(name = "bridgeway.solve.max-people", defaultValue = "20000")
    int maxPeople;

    /** Starts solving; the round must already be committed in state SOLVING. */
    public void solve(long roundId) {
        progress.started(roundId);
        long start = System.nanoTime();
        PairingSolution problem;
        try {
            PairingProblem pairing = results.loadPairingProblem(roundId);
            problem = PairingSolutionFactory.build(pairing, maxPeople);
        } catch (InvalidInstanceException e) {
            results.finished(roundId, SolveState.FAILED, "The participants cannot be matched as they are: " + e.getMessage());
            return;
        }
        pairingSolver.solveAndListen(roundId, id -> problem,
                best -> progress.improved(roundId, String.valueOf(best.getScore()), matched(best)),
                finalBest -> results.savePairing(roundId, PairExplainer.explain(finalBest, (System.nanoTime() - start) / 1e9),
                        progress.of(roundId).stopRequested()),
                (id, error) -> {
                    Log.errorf(error, "Solving round %d failed", roundId);
                    results.finished(roundId, SolveState.FAILED, "The solver failed: " + error.getMessage());
                });
    }

    /** Ends a running solve early; the best solution so far is saved as the draft. */
    public void stop(long roundId) {
        progress.stopRequested(roundId);
        pairingSolver.terminateEarly(roundId);
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
