package io.bridgeway.matching.pairing.bench;

import io.bridgeway.support.SharedBench;

import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.io.PairingJson;
import io.bridgeway.matching.pairing.solver.ExactPairingOptimizer;
import io.bridgeway.matching.pairing.solver.PairingMatcher;
import io.bridgeway.matching.pairing.solver.PairingResult;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;
import io.bridgeway.matching.pairing.solver.PairingSolverConfig;
import org.optaplanner.core.api.solver.SolverFactory;

import org.jboss.logmanager.LogContext;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;

/**
 * Benchmark command (see bench/pairing.sh): solve each instance with the product API, validate with
 * check.py, compare with the exact optimum and the greedy baseline. Arguments: instance files; without
 * arguments the public instances plus generated 3,000- and 10,000-person ones.
 * -Dbench.reference=true also cross-checks the optimum with JGraphT (slow above ~3,000 people);
 * -Dbench.localSearchOnly=true also runs plain OptaPlanner local search (no exact start) for the same limit.
 */
public final class PairingBenchmark {

    /** Above the product default (20,000) so the scale runs (50,000 people) are accepted; -Dbench.maxPeople. */
    private static final int MAX_PEOPLE = Integer.getInteger("bench.maxPeople", 50_000);

    public static void main(String[] args) throws Exception {
        // Outside Quarkus the bootstrap log handler would accept (and buffer) OptaPlanner's per-step DEBUG
        // records, halving the move speed; the app's logging config keeps INFO.
        LogContext.getLogContext().getLogger("org.optaplanner").setLevel(Level.INFO);
        List<Path> instances = new ArrayList<>();
        if (args.length == 0) {
            instances.add(SharedBench.instance("pairing-120.json"));
            instances.add(SharedBench.instance("pairing-600-strict.json"));
            instances.add(SharedBench.instance("pairing-2000.json"));
            instances.add(SharedBench.generatePairing(3000, 1));
            instances.add(SharedBench.generatePairing(10000, 1));
            instances.add(SharedBench.generatePairing(10000, 2));
        } else {
            for (String arg : args) {
                instances.add(Path.of(arg));
            }
        }
        boolean reference = Boolean.getBoolean("bench.reference");
        System.out.printf(Locale.ROOT, "%-28s %6s %6s %6s %5s %9s %11s %11s %9s %9s %7s %7s %8s %s%n",
                "instance", "people", "mentrs", "mentes", "limit", "matched", "objective", "optimum", "ratio",
                "greedy", "exactS", "totalS", "peakMB", "check.py");
        for (Path instance : instances) {
            run(instance, reference);
        }
    }

    private static void run(Path instance, boolean reference) throws Exception {
        PairingProblem problem;
        try (InputStream in = Files.newInputStream(instance)) {
            problem = PairingJson.readProblem(in);
        }
        int people = problem.people().size();
        Duration limit = Duration.ofSeconds(people <= 3000 ? Long.getLong("bench.limitSmall", 30)
                : Long.getLong("bench.limitLarge", 60));
        System.gc();
        resetPeaks();
        PairingResult result = new PairingMatcher(MAX_PEOPLE, PairingSolverConfig.DEFAULT_UNIMPROVED_LIMIT)
                .solve(problem, limit);
        long peakMb = peakHeapBytes() / (1024 * 1024);
        String name = instance.getFileName().toString().replace(".json", "");
        Path solutionFile = Path.of("target", "bench", name + ".solution.json");
        Files.createDirectories(solutionFile.getParent());
        Files.writeString(solutionFile, PairingJson.writeSolution(result));
        SharedBench.Check check = SharedBench.check(instance, solutionFile);

        // The optimum, computed separately (same exact code, fresh solution) and optionally by JGraphT.
        PairingSolution fresh = PairingSolutionFactory.build(problem, MAX_PEOPLE);
        ExactPairingOptimizer.Result exact = ExactPairingOptimizer.optimize(fresh);
        long optimum = exact.objective();
        long optimumWeight = 0;
        for (int i = 0; i < fresh.getAssignments().size(); i++) {
            Mentor m = exact.mentors()[i];
            MenteeAssignment a = fresh.getAssignments().get(i);
            if (m != null) {
                optimumWeight += fresh.getRules().pairWeight(m, a.getMentee());
            }
        }
        if (reference) {
            long jgrapht = ReferenceOptimum.objective(fresh);
            if (jgrapht != optimum) {
                System.out.println("  !! JGraphT optimum " + jgrapht + " differs from exact " + optimum);
            } else {
                System.out.println("  JGraphT confirms the optimum " + optimum);
            }
        }
        System.out.printf(Locale.ROOT, "  exact step: %d flow solve(s), %d pruned pairs added back by the check%n",
                exact.solves(), exact.addedPairs());
        long[] greedy = GreedyPairing.objectiveAndWeight(fresh);
        if (Boolean.getBoolean("bench.localSearchOnly")) {
            // What OptaPlanner alone reaches in the same limit (no exact start): shows why the exact step exists.
            PairingSolution cold = PairingSolutionFactory.build(problem, MAX_PEOPLE);
            PairingSolution best = SolverFactory.<PairingSolution>create(PairingSolverConfig.create(limit, limit, false))
                    .buildSolver().solve(cold);
            System.out.printf(Locale.ROOT, "  local search only, %d s: ratio %.6f, score %s%n", limit.toSeconds(),
                    ratio(best.objective(), optimum, optimumWeight), best.getScore());
        }
        System.out.printf(Locale.ROOT, "%-28s %6d %6d %6d %5d %9s %11d %11d %9.6f %9.6f %7.1f %7.1f %8d %s%n",
                name, people, problem.mentors().size(), problem.mentees().size(), limit.toSeconds(),
                result.pairs().size() + "/" + problem.mentees().size(), result.objective(), optimum,
                ratio(result.objective(), optimum, optimumWeight), ratio(greedy[0], optimum, optimumWeight),
                exact.millis() / 1000.0, result.seconds(), peakMb,
                (check.valid() ? "valid" : "INVALID") + (check.objective() == result.objective() ? ", same objective" : ", objective " + check.objective()));
    }

    /** MODEL.md: 1 - (optimum - objective) / pairWeightSum(optimum). */
    static double ratio(long objective, long optimum, long optimumWeightSum) {
        return 1.0 - (double) (optimum - objective) / optimumWeightSum;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the peak heap in use. */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
