package io.bridgeway.matching.circles.solver;

import java.nio.file.Path;
import java.util.Locale;

import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.io.CirclesJson;

/**
 * Tuning harness (not a test; prints best repeats/seconds/steps/restarts/steps per second per seed):
 * SwapSearchTuning SECONDS SEEDS tenureBase spreadDiv stall kickDiv INSTANCE...; -Dgolfer=off runs the swap
 * search's own repeat phase, -Dgolfer=tenureMin,tenureMax,maxStable,perturbSwaps[,restartAfter[,affineStart 0|1]] tunes the golfer tabu
 * search.
 */
public final class SwapSearchTuning {

    public static void main(String[] args) {
        int seconds = Integer.parseInt(args[0]);
        int seeds = Integer.parseInt(args[1]);
        SwapSearch.Tuning tuning = new SwapSearch.Tuning(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(System.getProperty("restore", "1")),
                Boolean.parseBoolean(System.getProperty("both", "false")), golferTuning(System.getProperty("golfer", "")));
        for (int i = 6; i < args.length; i++) {
            CirclesSchedule schedule = CirclesScheduleFactory.build(CirclesJson.toProblem(CirclesJson.read(Path.of(args[i]))));
            SearchModel model = CirclesSearchPhase.toModel(schedule);
            StringBuilder line = new StringBuilder(Path.of(args[i]).getFileName().toString());
            for (int seed = 0; seed < seeds; seed++) {
                long start = System.nanoTime();
                SwapSearch search = new SwapSearch(model, seed, tuning);
                search.solve(start + seconds * 1_000_000_000L, Long.MAX_VALUE / 2, () -> false);
                double elapsed = (System.nanoTime() - start) / 1e9;
                line.append(String.format(Locale.ROOT, "  %d/%.2fs/%dk/%dr/%.0fk steps/s", search.bestRepeats(), elapsed,
                        search.iterations() / 1000, search.restarts(), search.iterations() / elapsed / 1000));
            }
            System.out.println(line);
        }
    }

    private static GolferTabu.Tuning golferTuning(String value) {
        if (value.isEmpty()) {
            return GolferTabu.Tuning.DEFAULT;
        }
        if (value.equals("off")) {
            return null;
        }
        int[] knobs = java.util.Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
        return new GolferTabu.Tuning(knobs[0], knobs[1], knobs[2], knobs[3], knobs.length > 4 ? knobs[4] : 0,
                knobs.length <= 5 || knobs[5] != 0);
    }
}
