package io.bridgeway.matching.pairing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.pairing.solver.PairingMatcher;
import io.bridgeway.matching.pairing.solver.PairingResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The waiting policy: effective priority round by round, and its effect on a solve. */
class WaitingPolicyTest {

    private static final PersonProfile ANA = new PersonProfile("ana", "Ana", "Sales", 2, null, "Office", 0,
            Set.of("en"), Map.of(), Set.of("negotiation"));

    /** One published round as the waiting policy sees it. */
    private record Outcome(String what, boolean matched, boolean eligible) {
    }

    private static int effective(PairingSettings settings, int roundsWaited) {
        PairRules rules = new PairRules(settings, List.of(ANA), List.of(), List.of());
        return rules.effectivePriority(new Mentee(0, ANA, 1, roundsWaited));
    }

    @Test
    void effectivePriorityGrowsWhileEligibleAndUnmatchedAndResetsWhenMatched() {
        PairingSettings on = PairingSettings.defaults(); // +1 a round, at most +3
        PairingSettings off = on.withWaitingPolicy(0, 3);
        List<Outcome> rounds = List.of(
                new Outcome("left unmatched, had allowed mentors", false, true),
                new Outcome("left unmatched again", false, true),
                new Outcome("no allowed mentor at all: does not count", false, false),
                new Outcome("left unmatched", false, true),
                new Outcome("left unmatched: the cap holds", false, true),
                new Outcome("matched", true, true),
                new Outcome("left unmatched after the match", false, true));
        // rounds waited and effective priority in the NEXT round, after each published round above
        int[] expectedWaited = {1, 2, 2, 3, 4, 0, 1};
        int[] expectedPriority = {2, 3, 3, 4, 4, 1, 2};
        int waited = 0;
        assertEquals(1, effective(on, waited), "round 1: the enrolled priority");
        for (int r = 0; r < rounds.size(); r++) {
            Outcome outcome = rounds.get(r);
            waited = PairRules.roundsWaitedAfter(waited, outcome.matched(), outcome.eligible());
            assertEquals(expectedWaited[r], waited, "rounds waited after round " + (r + 1) + ": " + outcome.what());
            assertEquals(expectedPriority[r], effective(on, waited), "priority in round " + (r + 2));
            assertEquals(1, effective(off, waited), "policy off: the enrolled priority in round " + (r + 2));
        }
        PairingSettings steep = on.withWaitingPolicy(2, 5);
        assertEquals(1 + 4, effective(steep, 2));
        assertEquals(1 + 5, effective(steep, 3), "capped at +5");
    }

    @Test
    void aMenteeWhoWaitedIsMatchedFirstAndTheExplanationSaysWhy() {
        PersonProfile mentor = new PersonProfile("m", "Mia", "Eng", 6, null, "Office", 0, Set.of("en"),
                Map.of("negotiation", 3), Set.of());
        PersonProfile fits = new PersonProfile("fits", "Fits", "Sales", 2, null, "Office", 0, Set.of("en"),
                Map.of(), Set.of("negotiation"));
        PersonProfile waited = new PersonProfile("waited", "Waited", "Sales", 2, null, "Office", 0, Set.of("en"),
                Map.of(), Set.of("design"));
        PairingProblem problem = new PairingProblem("t", List.of(mentor, fits, waited),
                List.of(new PairingProblem.MentorSlot("m", 1)),
                List.of(new PairingProblem.MenteeRequest("fits", 1), new PairingProblem.MenteeRequest("waited", 1, 2)),
                List.of(), List.of(), PairingSettings.defaults(), List.of());

        PairingResult result = new PairingMatcher().solve(problem, Duration.ofMillis(500));
        assertEquals("waited", result.pairs().get(0).menteeId());
        assertEquals(3000 + 15 - 5, result.pairs().get(0).value(), "priority 1 + 2 for waiting, cross-department, level gap 4");
        assertTrue(result.pairs().get(0).explanation().contains("waited 2 rounds (+2 priority) (+2000)"),
                result.pairs().get(0).explanation().toString());
        PairingResult.UnmatchedMentee left = result.unmatched().get(0);
        assertTrue(left.eligible());
        assertEquals("no mentor with the goal negotiation has a free place: recruit one, or raise a capacity", left.help());

        PairingResult withoutPolicy = new PairingMatcher().solve(
                problem.withSettings(PairingSettings.defaults().withWaitingPolicy(0, 0)), Duration.ofMillis(500));
        assertEquals("fits", withoutPolicy.pairs().get(0).menteeId(), "the better fit wins without the policy");
    }
}
