package io.bridgeway.matching.circles.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import io.bridgeway.matching.circles.domain.MeetingHistory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The golfer tabu search keeps group sizes, pins, history and kept-apart pairs, and stops when told. */
class GolferTabuTest {

    private static final int PEOPLE = 16;
    private static final int GROUPS = 4;

    /** Everyone in group p / 4 in every round: the worst start, every pair of a group meets every round. */
    private static int[][] sameGroupsEveryRound(int rounds) {
        int[][] start = new int[rounds][PEOPLE];
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < PEOPLE; p++) {
                start[r][p] = p / 4;
            }
        }
        return start;
    }

    @Test
    void solvesFourRoundsOfFoursWithPinsHistoryAndKeptApart() {
        int rounds = 4; // 16 people in fours: 4 of the 5 parallel classes of the affine plane, so it is solvable
        boolean[][] pinned = new boolean[rounds][PEOPLE];
        for (int r = 0; r < rounds; r++) {
            pinned[r][0] = true; // person 0 stays in group 0 every round
        }
        pinned[2][5] = true; // person 5 stays in group 1 in round 2
        GolferTabu search = new GolferTabu(PEOPLE, GROUPS, sameGroupsEveryRound(rounds), pinned,
                Set.of(MeetingHistory.pairKey(0, 1)), Set.of(MeetingHistory.pairKey(2, 3)), 7,
                GolferTabu.Tuning.DEFAULT);

        int[][] best = search.solve(System.nanoTime() + 20_000_000_000L, Long.MAX_VALUE / 2, () -> false);

        assertEquals(0, search.bestRepeats());
        assertEquals(0, search.bestKeptApartMeetings());
        int[][] meetings = new int[PEOPLE][PEOPLE];
        meetings[0][1] = 1; // history
        assertEqualGroupsAndNoPairTwice(best, GROUPS, meetings);
        for (int r = 0; r < rounds; r++) {
            assertEquals(0, best[r][0], "pinned person moved in round " + r);
            assertNotEquals(best[r][2], best[r][3], "kept-apart pair together in round " + r);
        }
        assertEquals(1, best[2][5], "person pinned in round 2 moved");
    }

    /** Every round has groups of equal size and no pair meets twice, counting the meetings given. */
    private static void assertEqualGroupsAndNoPairTwice(int[][] assignment, int groups, int[][] meetings) {
        int people = meetings.length;
        for (int r = 0; r < assignment.length; r++) {
            int[] sizes = new int[groups];
            for (int p = 0; p < people; p++) {
                sizes[assignment[r][p]]++;
                for (int q = p + 1; q < people; q++) {
                    if (assignment[r][p] == assignment[r][q]) {
                        assertTrue(++meetings[p][q] <= 1, p + " and " + q + " meet again in round " + r);
                    }
                }
            }
            for (int size : sizes) {
                assertEquals(people / groups, size, "group sizes change in round " + r);
            }
        }
    }

    /** Golfers 8-4-9 and 9-3-13: the tabu search alone plateaus at 5-6 repeats on both. */
    @ParameterizedTest
    @CsvSource({"8, 4, 9", "9, 3, 13"})
    void solvesPrimePowerGolfersFromTheAffineStart(int groups, int size, int rounds) {
        int people = groups * size;
        int[][] start = new int[rounds][people];
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < people; p++) {
                start[r][p] = p / size;
            }
        }
        GolferTabu search = new GolferTabu(people, groups, start, new boolean[rounds][people], Set.of(), Set.of(), 11,
                GolferTabu.Tuning.DEFAULT);

        int[][] best = search.solve(System.nanoTime() + 10_000_000_000L, Long.MAX_VALUE / 2, () -> false);

        assertEquals(0, search.bestRepeats());
        assertEqualGroupsAndNoPairTwice(best, groups, new int[people][people]);
    }

    @Test
    void stopsSoonAfterTheStopSignal() {
        // 16 people in fours for 6 rounds cannot be repeat-free (only 5 parallel classes): it never finishes alone
        GolferTabu search = new GolferTabu(PEOPLE, GROUPS, sameGroupsEveryRound(6), new boolean[6][PEOPLE], Set.of(),
                Set.of(), 3, GolferTabu.Tuning.DEFAULT);
        long stopAt = System.nanoTime() + 300_000_000L;

        search.solve(System.nanoTime() + 60_000_000_000L, Long.MAX_VALUE / 2, () -> System.nanoTime() >= stopAt);

        long lateMillis = (System.nanoTime() - stopAt) / 1_000_000;
        assertTrue(lateMillis < 1000, "ran on " + lateMillis + " ms after the stop signal");
        assertTrue(search.bestRepeats() > 0);
        assertTrue(search.steps() > 100, "the search ran before it was stopped");
    }
}
