package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.pairing.TinyInstance;
import io.bridgeway.matching.pairing.io.PairingJson;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;
import io.bridgeway.support.SharedBench;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiled pair values equal PairRules' isAllowed, pairValue and firstBrokenRule for every mentor x mentee. */
class PairValuesTest {

    @Test
    void agreeWithPairRulesOnGeneratedInstances() throws IOException {
        String[][] rules = { {}, {"--cross-department", "required"}, {"--min-level-gap", "2", "--max-offset-diff", "180"},
                {"--availability"} };
        int seed = 51;
        for (String[] rule : rules) {
            PairingSolution solution;
            try (InputStream in = Files.newInputStream(SharedBench.generatePairing(300, seed++, rule))) {
                solution = PairingSolutionFactory.build(PairingJson.readProblem(in));
            }
            assertSame(solution);
        }
    }

    /** Same person, reporting chain both ways, do-not-pair and history go through the sparse path. */
    @Test
    void agreeOnTheSparseRulesAndTerms() {
        PairingSolution solution = new TinyInstance()
                .person("boss", "Eng", 8).person("lead", "Eng", 7).person("dev", "Eng", 2)
                .person("far", "Sales", 8).person("old", "Ops", 8).person("self", "Ops", 6)
                .manager("lead", "boss").manager("dev", "lead")
                .mentor("boss", 2).mentor("lead", 1).mentor("far", 1).mentor("old", 1).mentor("self", 1)
                .mentee("dev", 1).mentee("lead", 2).mentee("self", 1)
                .doNotPair("far", "dev").previous("old", "dev", 1)
                .solution();
        int forbidden = assertSame(solution);
        assertTrue(forbidden >= 5, "boss/lead over dev, boss over lead, far-dev, self-self: " + forbidden);
    }

    private static int assertSame(PairingSolution solution) {
        PairRules rules = solution.getRules();
        PairValues values = new PairValues(rules, solution.getMentors(), solution.getMentees());
        int forbidden = 0;
        for (Mentor mentor : solution.getMentors()) {
            for (Mentee mentee : solution.getMentees()) {
                long expected = rules.isAllowed(mentor, mentee) ? rules.pairValue(mentor, mentee) : PairValues.FORBIDDEN;
                assertEquals(expected, values.value(mentor, mentee), mentor + " / " + mentee);
                assertEquals(rules.firstBrokenRule(mentor, mentee), values.firstBrokenRule(mentor, mentee));
                forbidden += expected == PairValues.FORBIDDEN ? 1 : 0;
            }
        }
        return forbidden;
    }
}
