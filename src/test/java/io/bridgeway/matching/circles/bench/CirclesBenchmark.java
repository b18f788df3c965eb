package io.bridgeway.matching.circles.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.io.CirclesJson;
import io.bridgeway.matching.circles.io.CirclesSolutionJson;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import io.bridgeway.matching.circles.solver.CirclesValidator;

/**
 * Benchmark (not a test): solves each instance file once and checks the output with check.py; for instances
 * with people attributes it also scores a random-rotation baseline (average of 5 seeds). Instances without
 * attributes (golfers) are solved with {@code -Dseeds=N} seeds (default 1), one row each.
 * Usage: [-Dseeds=N] CirclesBenchmark SECONDS CHECK_PY INSTANCE...
 */
public final class CirclesBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        Path checker = Path.of(args[1]);
        Path out = Path.of("target/bench-circles");
        Files.createDirectories(out);
        int golferSeeds = Integer.getInteger("seeds", 1);
        System.out.println("| instance | seed | people | solved | repeats | soft | unavailable seats | seconds (stops when solved) | check.py | baseline repeats | baseline soft | baseline unavailable |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 2; i < args.length; i++) {
            Path instance = Path.of(args[i]);
            CirclesProblem problem = CirclesJson.toProblem(CirclesJson.read(instance));
            boolean golfers = problem.people().stream().allMatch(p -> p.department() == null);
            for (int seed = 42; seed < 42 + (golfers ? golferSeeds : 1); seed++) {
                solveAndReport(problem, instance, seconds, seed, checker, out);
            }
        }
    }

    private static void solveAndReport(CirclesProblem problem, Path instance, int seconds, long randomSeed, Path checker,
            Path out) throws Exception {
        CirclesResult result = CirclesPlanner.solve(problem, Duration.ofSeconds(seconds), Duration.ofSeconds(seconds),
                randomSeed);
        Path solution = out.resolve(instance.getFileName().toString().replace(".json", ".solution" + randomSeed + ".json"));
        CirclesJson.write(solution, CirclesJson.toJson(result));
        JsonNode check = check(checker, instance, solution);
        String baseline = " | | | ";
        if (problem.people().stream().anyMatch(p -> p.department() != null)) {
            double repeats = 0;
            double soft = 0;
            double unavailable = 0;
            int seeds = 5;
            for (int seed = 0; seed < seeds; seed++) {
                Path base = out.resolve(instance.getFileName().toString().replace(".json", ".baseline" + seed + ".json"));
                CirclesJson.write(base, new CirclesSolutionJson(randomRotation(problem, seed), List.of(), "", 0, 0, 0, 0, 0,
                        List.of()));
                JsonNode b = check(checker, instance, base);
                repeats += b.get("repeats").asInt();
                soft += b.get("soft").asInt();
                unavailable += b.get("unavailableMembers").asInt();
            }
            baseline = String.format(Locale.ROOT, " | %.1f | %.1f | %s", repeats / seeds, soft / seeds,
                    share(unavailable / seeds, seats(problem)));
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %s | %.1f | valid=%s repeats=%d soft=%d%s |%n",
                instance.getFileName(), randomSeed, problem.people().size(), result.solved() ? "yes" : "no",
                result.repeats(), result.soft(), share(result.unavailableMembers(), seats(problem)),
                result.seconds(), check.get("valid").asBoolean(),
                check.get("repeats").asInt(), check.get("soft").asInt(), baseline);
    }

    private static int seats(CirclesProblem problem) {
        return problem.people().size() * problem.rounds();
    }

    /** "30 (3.8%)"; empty when nobody in the instance has free hours. */
    private static String share(double unavailable, int seats) {
        return unavailable == 0 ? "0" : String.format(Locale.ROOT, "%.1f (%.1f%%)", unavailable, 100.0 * unavailable / seats);
    }

    /** Each round: shuffle everyone and cut into the planner's group sizes. */
    public static List<List<List<String>>> randomRotation(CirclesProblem problem, long seed) {
        Random random = new Random(seed);
        int[] sizes = CirclesValidator.groupSizes(problem.people().size(), problem.minGroupSize(), problem.maxGroupSize());
        List<List<List<String>>> rounds = new ArrayList<>();
        for (int r = 0; r < problem.rounds(); r++) {
            List<String> ids = new ArrayList<>(problem.people().stream().map(PersonProfile::id).toList());
            Collections.shuffle(ids, random);
            List<List<String>> groups = new ArrayList<>();
            int from = 0;
            for (int size : sizes) {
                groups.add(List.copyOf(ids.subList(from, from + size)));
                from += size;
            }
            rounds.add(groups);
        }
        return rounds;
    }

    public static JsonNode check(Path checker, Path instance, Path solution) throws Exception {
        Process process = new ProcessBuilder("python3", checker.toString(), instance.toString(), solution.toString())
                .redirectErrorStream(false).start();
        String stdout = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return MAPPER.readTree(stdout);
    }
}
