package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bridgeway.matching.pairing.domain.PairingSettings;
import io.bridgeway.programs.Program;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The programme's waiting policy and circle sizes as the cores see them; ties as the simulation counts them. */
class FairnessMappingTest {

    @Test
    void waitingPolicyIsOnByDefaultAndCanBeSwitchedOff() {
        Program program = new Program();
        PairingSettings on = RoundProblems.pairingSettings(program);
        assertEquals(1, on.waitingPriorityIncrement());
        assertEquals(3, on.waitingPriorityCap());
        program.pairing.waitingIncrement = 2;
        program.pairing.waitingCap = 6;
        assertEquals(2, RoundProblems.pairingSettings(program).waitingPriorityIncrement());
        assertEquals(6, RoundProblems.pairingSettings(program).waitingPriorityCap());
        program.pairing.waitingPolicy = false;
        assertEquals(0, RoundProblems.pairingSettings(program).waitingPriorityIncrement(), "off: no bonus");
    }

    @Test
    void theSmallestCircleShrinksOnlyWhenTheHeadcountCannotBeSplit() {
        assertEquals(4, RoundProblems.smallestCircleFittingEveryone(10, 4, 5), "5 + 5");
        assertEquals(3, RoundProblems.smallestCircleFittingEveryone(7, 4, 5), "4 + 3, not a failed round");
        assertEquals(3, RoundProblems.smallestCircleFittingEveryone(3, 4, 5), "one circle of 3");
        assertEquals(2, RoundProblems.smallestCircleFittingEveryone(2, 4, 5));
    }

    @Test
    void crossTiesCountDistinctPeopleFromOtherDepartments() {
        CrossTies ties = new CrossTies(Map.of("a", "Eng", "b", "Eng", "c", "HR", "d", "Sales"));
        ties.met(List.of("a", "b", "c"));
        ties.met(List.of("a", "c")); // met again: still one tie
        ties.met(List.of("a", "d"));
        assertEquals(2, ties.of("a"));
        assertEquals(1, ties.of("b"));
        assertEquals(2, ties.of("c"));
        assertEquals(Map.of("Eng|HR", 2, "Eng|Sales", 1), ties.byDepartmentPair());
    }
}
