package io.bridgeway.matching.circles.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.bridgeway.matching.circles.domain.Circle;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.Placement;
import io.bridgeway.matching.circles.io.CirclesJson;
import io.bridgeway.support.SharedBench;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/** The fast search's incremental cost (with availability hour counts) equals the constraint provider's score. */
class SearchCostAgreesWithScoreTest {

    @Test
    void searchCostEqualsTheScoreOnTheAvailabilityInstance() {
        assertSearchCostEqualsScore("circles-200-availability.json");
    }

    @Test
    void searchCostEqualsTheScoreWithHistoryAndTimeZones() {
        // offsets known: the construction fills circles in offset order; every taken swap also asserts (-ea)
        // that its predicted delta (soft first, then pair counts) is the cost change
        assertSearchCostEqualsScore("circles-435-history.json");
    }

    private static void assertSearchCostEqualsScore(String instance) {
        CirclesSchedule schedule = CirclesScheduleFactory.build(
                CirclesJson.toProblem(CirclesJson.read(SharedBench.instance(instance))));
        SwapSearch search = new SwapSearch(CirclesSearchPhase.toModel(schedule), 7);
        // a short run: thousands of incremental swaps, with the search still far from any optimum
        int[][] best = search.solve(System.nanoTime() + 1_500_000_000L, Long.MAX_VALUE / 4, () -> false);
        assertTrue(search.iterations() > 1000, "too few swaps to exercise the incremental counts");
        HardMediumSoftScore score = scoreOf(schedule, best);
        assertEquals(0, score.hardScore());
        assertEquals(search.bestRepeats(), -score.mediumScore());
        assertEquals(search.bestSoft(), -score.softScore());
        assertTrue(search.bestSoft() > 0);
    }

    @Test
    void searchRepeatsEqualTheScoreOnADenseGolferInstanceWithKeptApartPairs() {
        // 8-4-9 is never solved in two seconds, so the search makes thousands of swaps and restarts; both the
        // golfer tabu search (the default here: no soft rules) and the swap search's own repeat phase
        SwapSearch.Tuning swapSearchOnly = new SwapSearch.Tuning(4, 4, 15, 100, 1, false, null);
        for (SwapSearch.Tuning tuning : List.of(SwapSearch.Tuning.DEFAULT, swapSearchOnly)) {
            CirclesSchedule schedule = CirclesScheduleFactory.build(CirclesProblem.of(CirclesValidatorTest.people(32), 9, 4, 4)
                    .withKeptApart(List.of(List.of("p1", "p2"), List.of("p3", "p4"), List.of("p1", "p32"))));
            SwapSearch search = new SwapSearch(CirclesSearchPhase.toModel(schedule), 7, tuning);
            int[][] best = search.solve(System.nanoTime() + 2_000_000_000L, Long.MAX_VALUE / 4, () -> false);
            assertTrue(search.iterations() > 1000, "too few swaps to exercise the incremental counts");
            HardMediumSoftScore score = scoreOf(schedule, best);
            assertEquals(0, search.bestKeptApartMeetings());
            assertEquals(0, score.hardScore());
            assertEquals(search.bestRepeats(), -score.mediumScore());
            assertTrue(search.bestRepeats() > 0);
        }
    }

    /** The constraint provider's score of the search's assignment. */
    private static HardMediumSoftScore scoreOf(CirclesSchedule schedule, int[][] groupOf) {
        assignAll(schedule, groupOf);
        return SolutionManager.<CirclesSchedule, HardMediumSoftScore>create(
                SolverFactory.create(CirclesSolverConfig.create(java.time.Duration.ofSeconds(1)))).update(schedule);
    }

    private static void assignAll(CirclesSchedule schedule, int[][] groupOf) {
        Circle[][] circles = CirclesSearchPhase.circlesByRound(schedule);
        for (Placement placement : schedule.getPlacements()) {
            placement.setCircle(circles[placement.getRound()][groupOf[placement.getRound()][placement.getMemberIndex()]]);
        }
    }
}
