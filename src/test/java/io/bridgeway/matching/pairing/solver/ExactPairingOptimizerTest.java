package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.bench.ReferenceOptimum;
import io.bridgeway.support.SharedBench;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.io.PairingJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The array min-cost flow agrees with JGraphT's min-cost flow on generated instances under varied rules. */
class ExactPairingOptimizerTest {

    @Test
    @Timeout(120)
    void equalsJGraphTOnGeneratedInstances() throws IOException {
        String[][] rules = {
                {},
                {"--cross-department", "required"},
                {"--min-level-gap", "2", "--max-offset-diff", "180"},
                {"--max-offset-diff", "1440"},
        };
        int seed = 11;
        for (String[] rule : rules) {
            for (int people : new int[] {150, 400}) {
                Path file = SharedBench.generatePairing(people, seed++, rule);
                PairingSolution solution;
                try (InputStream in = Files.newInputStream(file)) {
                    solution = PairingSolutionFactory.build(PairingJson.readProblem(in));
                }
                assertEquals(ReferenceOptimum.objective(solution), ExactPairingOptimizer.optimize(solution).objective(),
                        file.toString());
            }
        }
    }
}
