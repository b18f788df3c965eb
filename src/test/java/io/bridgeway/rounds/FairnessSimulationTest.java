package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.analytics.Outcomes;
import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulation's figures on a tiny company, worked out by hand. One mentor (Eng, level 6, negotiation 3 and
 * budgeting 3, one place) and two mentees at level 2: A in Sales wants negotiation and budgeting, B in HR wants
 * design. Pair values (1000 + goal fit + 15 cross-department - 5 for a level gap of 4):
 * A = 1000 + 60 + 15 - 5 = 1070, B = 1000 + 0 + 15 - 5 = 1010. Round 1 picks A. In round 2 A costs 40 more
 * (paired before): 1030, still above B's 1010, so without a policy A wins again; with the policy B has waited one
 * round and is worth 2010. Waiting: without the policy B waits rounds 1 and 2 while A is matched in both.
 */
class FairnessSimulationTest {

    private static PersonProfile person(String id, String department, int level, Map<String, Integer> skills,
            Set<String> goals) {
        return new PersonProfile(id, "P" + id, department, level, null, "Office", 0, Set.of("en"), skills, goals);
    }

    private static FairnessSimulation tinyCompany() {
        PairingProblem instance = new PairingProblem("tiny", List.of(
                person("1", "Eng", 6, Map.of("negotiation", 3, "budgeting", 3), Set.of()),
                person("2", "Sales", 2, Map.of(), Set.of("negotiation", "budgeting")),
                person("3", "HR", 2, Map.of(), Set.of("design"))),
                List.of(new PairingProblem.MentorSlot("1", 1)),
                List.of(new PairingProblem.MenteeRequest("2", 1), new PairingProblem.MenteeRequest("3", 1)),
                List.of(), List.of(), PairingSettings.defaults(), List.of());
        return new FairnessSimulation(new FairnessSimulation.Company(instance, Set.of()), Duration.ofMillis(300),
                Duration.ofMillis(300), 1);
    }

    private static void assertFigures(FairnessSimulation.Figures f, int matched, int neverMatched, int longestWait,
            int waitedWhileOthersMatchedTwice, int noTie, double meanTies, int bridged, int fewest,
            double lowestDecile) {
        String round = "round " + f.round() + ": " + f;
        assertEquals(matched, f.matched(), round);
        assertEquals(2, f.mentees(), round);
        assertEquals(neverMatched, f.neverMatched(), round);
        assertEquals(longestWait, f.longestWait(), round);
        assertEquals(waitedWhileOthersMatchedTwice, f.waitedWhileOthersMatchedTwice(), round);
        assertEquals(3, f.participants(), round);
        assertEquals(noTie, f.noCrossTie(), round);
        assertEquals(meanTies, f.meanCrossTies(), 1e-9, round);
        assertEquals(0.0, f.shareAtLeast3(), round);
        assertEquals(bridged, f.departmentPairsBridged(), round);
        assertEquals(3, f.departmentPairs(), "Eng|HR, Eng|Sales, HR|Sales");
        assertEquals(fewest, f.fewestDepartmentPairTies(), round);
        assertEquals(lowestDecile, f.lowestDecileMeanTies(), 1e-9, "the lowest decile of 3 people is 1 person");
    }

    @Test
    void waitingPolicyRotatesThePlaceAndWidensTheNetwork() {
        List<FairnessSimulation.Figures> waiting = tinyCompany().simulate(FairnessSimulation.Run.WAITING, 2);
        // round 1: mentor-A (Eng-Sales). Ties: mentor 1, A 1, B 0. Never matched: B, who has waited 1 round.
        assertFigures(waiting.get(0), 1, 1, 1, 0, 1, 2 / 3.0, 1, 0, 0);
        // round 2: mentor-B (Eng-HR). Ties: mentor 2, A 1, B 1. HR|Sales still unbridged. A waits 1 round.
        assertFigures(waiting.get(1), 1, 0, 1, 0, 0, 4 / 3.0, 2, 0, 1);
    }

    @Test
    void withoutThePolicyTheBestFitIsMatchedAgain() {
        List<FairnessSimulation.Figures> none = tinyCompany().simulate(FairnessSimulation.Run.NO_POLICY, 2);
        assertFigures(none.get(0), 1, 1, 1, 0, 1, 2 / 3.0, 1, 0, 0);
        // round 2: mentor-A again (1030 > 1010): nothing new, B still never matched and has now waited 2 rounds
        // while A was matched twice
        assertFigures(none.get(1), 1, 1, 2, 1, 1, 2 / 3.0, 1, 0, 0);
    }

    @Test
    void randomRotationMakesOneAllowedPairARound() {
        List<FairnessSimulation.Figures> random = tinyCompany().simulate(FairnessSimulation.Run.RANDOM, 2);
        for (FairnessSimulation.Figures f : random) {
            assertEquals(1, f.matched(), "one place, two eligible mentees");
            assertTrue(f.neverMatched() <= 1);
            // the unmatched one of two waits; 2 rounds in a row only if the other was matched both times
            assertTrue(f.longestWait() >= 1 && f.longestWait() <= f.round(), f.toString());
            assertEquals(f.longestWait() >= 2 ? 1 : 0, f.waitedWhileOthersMatchedTwice(), f.toString());
        }
    }

    /** Only matches inside the waiting mentee's own span count: A's round-1 match is before B's wait began. */
    @Test
    void aWaitIsUnfairOnlyIfSomeoneWasMatchedTwiceDuringIt() {
        Outcomes.WaitSpans waits = new Outcomes.WaitSpans();
        round(waits, 1, Set.of("A", "B"), Map.of("C", 1));
        round(waits, 2, Set.of("A", "C"), Map.of("B", 1));
        round(waits, 3, Set.of("D"), Map.of("B", 2));
        FairnessSimulation.Figures third = FairnessSimulation.figures(3, 1, 4, 0, waits, Set.of(), new CrossTies(Map.of()), Map.of(), 0);
        assertEquals(2, third.longestWait());
        assertEquals(0, third.waitedWhileOthersMatchedTwice(), "B waited rounds 2-3; A, C and D were matched once in them");
        round(waits, 4, Set.of("A"), Map.of("B", 3));
        FairnessSimulation.Figures fourth = FairnessSimulation.figures(4, 1, 4, 0, waits, Set.of(), new CrossTies(Map.of()), Map.of(), 0);
        assertEquals(3, fourth.longestWait());
        assertEquals(1, fourth.waitedWhileOthersMatchedTwice(), "B waited rounds 2-4; A was matched in rounds 2 and 4");
    }

    /** One published round: the matched mentees, and the waits of the others (all eligible) after it. */
    private static void round(Outcomes.WaitSpans waits, int number, Set<String> matched,
            Map<String, Integer> waitedAfter) {
        waits.published(matched);
        matched.forEach(m -> waits.waited(m, number, 0, 0));
        waitedAfter.forEach((m, after) -> waits.waited(m, number, after - 1, after));
    }
}
