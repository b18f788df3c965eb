package io.bridgeway.matching.circles.solver;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.io.CirclesJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

/** Stop and discard must end the custom circle search at once, not when its own time limit runs out. */
class CircleSearchStopTest {

    @TempDir
    Path dir;

    @Test
    void aStopRequestEndsTheCircleSearchWithinASecond() throws Exception {
        // 32 golfers in fours for 11 weeks: more weeks than can be repeat-free, so the search never finishes early.
        String people = IntStream.rangeClosed(1, 32).mapToObj(i -> "{\"id\": \"g" + i + "\"}").collect(Collectors.joining(","));
        Path instance = dir.resolve("golfers-8-4-11.json");
        Files.writeString(instance, "{\"kind\": \"circles\", \"name\": \"golfers-8-4-11\", \"rounds\": 11, "
                + "\"groupSize\": {\"min\": 4, \"max\": 4}, \"rules\": {}, \"people\": [" + people + "]}");
        CirclesSchedule schedule = CirclesScheduleFactory.build(CirclesJson.toProblem(CirclesJson.read(instance)));
        AtomicBoolean stop = new AtomicBoolean();
        schedule.setStopSignal(stop::get);
        Solver<CirclesSchedule> solver = SolverFactory.<CirclesSchedule>create(
                CirclesSolverConfig.create(Duration.ofSeconds(60))).buildSolver();

        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<CirclesSchedule> solving = executor.submit(() -> solver.solve(schedule));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(solver::isSolving);
            long stoppedAt = System.nanoTime();
            stop.set(true); // as RoundSolver.stop does: terminateEarly alone does not reach the custom search
            CirclesSchedule best = solving.get(10, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - stoppedAt) / 1e9;
            assertTrue(seconds < 1.0, "the search ended " + seconds + " s after the stop");
            assertNotNull(best.getScore());
            assertTrue(best.getPlacements().stream().allMatch(p -> p.getCircle() != null), "everyone has a circle");
            assertTrue(best.getScore().isSolutionInitialized());
        } finally {
            executor.shutdownNow();
        }
    }
}
