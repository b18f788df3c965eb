package io.bridgeway.matching.pairing.domain;

import io.bridgeway.support.SharedBench;
import io.bridgeway.matching.pairing.io.PairingJson;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shortcuts in PairRules agree with the rule-by-rule definitions on every pair of a public instance. */
class PairRulesTest {

    @Test
    void fastAllowedCheckAndExplainedTermsAgreeWithTheRules() throws IOException {
        for (String name : new String[] {"pairing-120.json", "pairing-600-strict.json"}) {
            PairingSolution solution;
            try (InputStream in = Files.newInputStream(SharedBench.instance(name))) {
                solution = PairingSolutionFactory.build(PairingJson.readProblem(in));
            }
            PairRules rules = solution.getRules();
            for (Mentor mentor : solution.getMentors()) {
                for (Mentee mentee : solution.getMentees()) {
                    assertEquals(rules.firstBrokenRule(mentor, mentee) == null, rules.isAllowed(mentor, mentee));
                    long explained = rules.contributions(mentor, mentee).stream().mapToLong(Contribution::points).sum();
                    assertEquals(rules.pairValue(mentor, mentee), explained, mentor + " " + mentee);
                }
            }
        }
    }
}
