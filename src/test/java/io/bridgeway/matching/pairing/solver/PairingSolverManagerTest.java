package io.bridgeway.matching.pairing.solver;

import io.bridgeway.support.SharedBench;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.io.PairingJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.optaplanner.core.api.solver.SolverJob;
import org.optaplanner.core.api.solver.SolverManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The asynchronous path the web app uses: SolverManager with PairingSolverConfig. */
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
}
