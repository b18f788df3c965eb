package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.bench.SharedBench;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.io.PairingJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverJob;
import org.optaplanner.core.api.solver.SolverManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The asynchronous path the web app uses: SolverManager with PairingSolverConfig, and pins via PinChange. */
class PairingSolverManagerTest {

    private static PairingProblem read() throws IOException {
        try (InputStream in = Files.newInputStream(SharedBench.instance("pairing-120.json"))) {
            return PairingJson.readProblem(in);
        }
    }

    @Test
    @Timeout(60)
    void solverManagerRunsTheExactPhaseAndReachesTheOptimum() throws Exception {
        PairingProblem problem = read();
        long optimum = ExactPairingOptimizer.optimize(PairingSolutionFactory.build(problem)).objective();
        try (SolverManager<PairingSolution, Long> manager = SolverManager.create(
                PairingSolverConfig.create(Duration.ofSeconds(10), Duration.ofMillis(300), true))) {
            SolverJob<PairingSolution, Long> job = manager.solve(1L, PairingSolutionFactory.build(problem));
            PairingSolution best = job.getFinalBestSolution();
            assertEquals(optimum, best.objective());
            assertTrue(best.getScore().isFeasible());
        }
    }

    @Test
    @Timeout(60)
    void pinChangeDuringASolveIsKeptAndTheRestReoptimised() throws IOException {
        PairingProblem problem = read();
        PairingSolution optimal = PairingSolutionFactory.buildWarmStarted(problem);
        MenteeAssignment target = optimal.getAssignments().stream().filter(a -> a.getMentor() != null).findFirst().orElseThrow();
        Mentor other = target.getCandidateMentors().stream().filter(m -> m != target.getMentor()).findFirst().orElseThrow();

        Solver<PairingSolution> solver = SolverFactory.<PairingSolution>create(
                PairingSolverConfig.create(Duration.ofSeconds(10), Duration.ofMillis(300), true)).buildSolver();
        // Queued before solving: the first run stops at once, the change is applied, the phases restart.
        solver.addProblemChange(PinChange.pin(target.getId(), other.getId()));
        PairingSolution best = solver.solve(PairingSolutionFactory.build(problem));

        MenteeAssignment pinned = best.getAssignments().stream().filter(a -> a.getId().equals(target.getId()))
                .findFirst().orElseThrow();
        assertEquals(other.getId(), pinned.getMentor().getId());
        assertTrue(pinned.isPinned());
        long optimumGivenPin = ExactPairingOptimizer.optimize(PairingSolutionFactory.build(problem.withPins(
                List.of(new PairingProblem.PinnedPair(target.getId(), other.getId()))))).objective();
        assertEquals(optimumGivenPin, best.objective());
        assertNotEquals(optimal.objective(), best.objective());
    }
}
