package io.bridgeway.matching.circles.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.InvalidInstanceException;

import org.junit.jupiter.api.Test;

class CirclesValidatorTest {

    static List<PersonProfile> people(int n) {
        List<PersonProfile> people = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            people.add(new PersonProfile("p" + i, null, null, 0, null, null, 0, null, null, null));
        }
        return people;
    }

    private static String message(CirclesProblem problem) {
        return assertThrows(InvalidInstanceException.class, () -> CirclesValidator.validate(problem)).getMessage();
    }

    @Test
    void headcountThatCannotBeSplitIsRejectedBeforeSolving() {
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> CirclesPlanner.solve(CirclesProblem.of(people(7), 2, 4, 5), Duration.ofSeconds(1)));
        assertEquals("7 people cannot be split into groups of 4 to 5 people: 1 group holds at most 5, "
                + "2 groups need at least 8", e.getMessage());
        assertEquals("3 people cannot be split into groups of 4 to 6 people: 1 group needs at least 4",
                message(CirclesProblem.of(people(3), 1, 4, 6)));
    }

    @Test
    void boundsAndRounds() {
        assertEquals("rounds must be 1..100, not 0", message(CirclesProblem.of(people(6), 0, 2, 3)));
        assertEquals("the minimum group size must be at least 2, not 1", message(CirclesProblem.of(people(6), 1, 1, 3)));
        assertEquals("the minimum group size 4 is above the maximum 3", message(CirclesProblem.of(people(6), 1, 4, 3)));
        assertEquals("there are no people to place in circles", message(CirclesProblem.of(List.of(), 1, 2, 3)));
        assertEquals("20001 people is more than the limit of 20000", message(CirclesProblem.of(people(20_001), 1, 2, 3)));
    }

    @Test
    void duplicateAndUnknownIds() {
        List<PersonProfile> people = new ArrayList<>(people(4));
        people.add(people.get(0));
        assertEquals("duplicate person ids: p1", message(CirclesProblem.of(people, 1, 2, 3)));
        CirclesProblem withHistory = CirclesProblem.of(people(4), 1, 2, 2)
                .withHistory(List.of(List.of("p1", "p2"), List.of("p3", "zz")));
        assertEquals("history group 2 names unknown person 'zz'", message(withHistory));
        CirclesProblem keptApart = CirclesProblem.of(people(4), 1, 2, 2)
                .withKeptApart(List.of(List.of("p1", "p2"), List.of("p3", "zz"), List.of("p4", "p4")));
        assertEquals("kept-apart pair 2 names unknown person 'zz'; kept-apart pair 3 must name two different people",
                message(keptApart));
    }

    @Test
    void groupSizesUseFewestGroupsAsEqualAsPossible() {
        assertArrayEquals(new int[] {5, 5, 5, 4}, CirclesValidator.groupSizes(19, 4, 5));
        assertArrayEquals(new int[] {3, 3, 3, 3, 3}, CirclesValidator.groupSizes(15, 3, 3));
        assertNull(CirclesValidator.groupSizes(7, 4, 5));
        int[] sizes = CirclesValidator.groupSizes(435, 5, 6);
        assertEquals(73, sizes.length);
        assertTrue(java.util.Arrays.stream(sizes).allMatch(s -> s >= 5 && s <= 6));
        assertArrayEquals(new int[] {4}, CirclesValidator.groupSizes(4, 2, Integer.MAX_VALUE), "no int overflow");
    }

    @Test
    void outOfRangeGroupSizeAndProfilesAreNamed() {
        assertEquals("groupSize.max must be at most 20000, not 2147483647",
                message(CirclesProblem.of(people(4), 1, 2, Integer.MAX_VALUE)));
        List<PersonProfile> people = people(4);
        people.set(0, new PersonProfile("p1", null, null, 9, null, null, -1081, null,
                java.util.Map.of("java", 4), null));
        assertEquals("person p1: level must be 0..8, not 9; person p1: utcOffsetMinutes must be -1080..1080, not -1081; "
                + "person p1: skills.java must be 0..3, not 4", message(CirclesProblem.of(people, 1, 2, 2)));
    }

    @Test
    void scoresThatCouldPassTheIntRangeAreRefused() {
        // 20,000 people in one group per round: ~2e8 pairs, each a possible repeat and same-department pair
        CirclesProblem wholeCompanyEachRound = CirclesProblem.of(people(20_000), 11, 2, 20_000);
        assertTrue(CirclesValidator.worstScore(wholeCompanyEachRound) > Integer.MAX_VALUE);
        assertTrue(message(wholeCompanyEachRound).startsWith("rounds, groupSize.max and the rules' weights together"
                + " allow scores beyond the solver's range"), message(wholeCompanyEachRound));
        // the largest realistic programme: 20,000 people in circles of 4 to 6 over 12 rounds, canonical weights
        CirclesProblem large = CirclesProblem.of(people(20_000), 12, 4, 6);
        assertTrue(CirclesValidator.worstScore(large) < Integer.MAX_VALUE / 10, "" + CirclesValidator.worstScore(large));
        CirclesValidator.validate(large);
    }
}
