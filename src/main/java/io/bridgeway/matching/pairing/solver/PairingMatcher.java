package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.InvalidInstanceException;

import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

import java.time.Duration;
import java.util.List;

/** Synchronous entry point: validate, solve (exact start + local search), explain. Thread-safe. */
public final class PairingMatcher {

    private final int maxPeople;
    private final Duration unimprovedLimit;

    public PairingMatcher() {
        this(PairingProblem.DEFAULT_MAX_PEOPLE, PairingSolverConfig.DEFAULT_UNIMPROVED_LIMIT);
    }

    /** @param maxPeople instances with more people are refused with InvalidInstanceException */
    public PairingMatcher(int maxPeople, Duration unimprovedLimit) {
        this.maxPeople = maxPeople;
        this.unimprovedLimit = unimprovedLimit;
    }

    /** @throws io.bridgeway.matching.InvalidInstanceException when the problem is invalid */
    public PairingResult solve(PairingProblem problem, Duration limit) {
        long start = System.nanoTime();
        PairingSolution solution = PairingSolutionFactory.build(problem, maxPeople);
        // The exact step runs here, before the solver: OptaPlanner checks its spent limit before a custom phase
        // starts, so a large instance whose build used up the limit would otherwise skip it (50,000 people on a
        // loaded machine ended with nobody matched). The limit then bounds local search only.
        Mentor[] optimum = ExactPairingOptimizer.optimize(solution).mentors();
        List<MenteeAssignment> assignments = solution.getAssignments();
        for (int i = 0; i < assignments.size(); i++) {
            if (!assignments.get(i).isPinned()) {
                assignments.get(i).setMentor(optimum[i]);
            }
        }
        Duration remaining = limit.minusNanos(System.nanoTime() - start);
        if (remaining.compareTo(Duration.ofMillis(500)) < 0) {
            remaining = Duration.ofMillis(500);
        }
        Solver<PairingSolution> solver = SolverFactory.<PairingSolution>create(
                PairingSolverConfig.create(remaining, min(unimprovedLimit, remaining), false)).buildSolver();
        PairingSolution best = solver.solve(solution);
        return PairExplainer.explain(best, (System.nanoTime() - start) / 1e9);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
