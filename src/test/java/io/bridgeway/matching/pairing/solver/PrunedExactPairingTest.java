package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.TinyInstance;
import io.bridgeway.matching.pairing.bench.ReferenceOptimum;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.io.PairingJson;
import io.bridgeway.support.SharedBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pruned exact step: its reduced-cost check restores the optimum, and a stop ends it at once with a valid matching. */
class PrunedExactPairingTest {

    /**
     * Both mentees value mentor A most (goal fit), A takes one mentee; with only each mentee's best mentor the
     * second stays unmatched, although B would take it. The check sees that the pruned pair (m2, B) could improve
     * the flow, adds it back and solves again.
     */
    @Test
    void checkAddsBackAPrunedPairWhenTheTopKAloneIsNotOptimal() {
        PairingSolution solution = new TinyInstance()
                .person("A", "Eng", 6).skills("A", "sql", 3)
                .person("B", "Sales", 6).skills("B", "sql", 1)
                .person("m1", "Ops", 2).goals("m1", "sql")
                .person("m2", "Ops", 2).goals("m2", "sql")
                .mentor("A", 1).mentor("B", 1)
                .mentee("m1", 2).mentee("m2", 1)
                .solution();
        ExactPairingOptimizer.Result unpruned = ExactPairingOptimizer.optimize(solution, Integer.MAX_VALUE, 0, () -> false);
        ExactPairingOptimizer.Result pruned = ExactPairingOptimizer.optimize(solution, 1, 0, () -> false);

        assertEquals(1, unpruned.solves());
        assertEquals(0, unpruned.addedPairs());
        assertTrue(pruned.solves() > 1, "the first pruned flow is not optimal, so it is solved again");
        assertTrue(pruned.addedPairs() >= 1, "the check added a pruned pair back");
        assertTrue(pruned.complete());
        assertEquals(unpruned.objective(), pruned.objective());
        assertEquals(2, java.util.Arrays.stream(pruned.mentors()).filter(m -> m != null).count(), "both mentees matched");
    }

    /** Generated instances, pruned hard (2 mentors per mentee, no per-mentor lists): still the JGraphT optimum. */
    @Test
    @Timeout(120)
    void prunedOptimumEqualsTheUnprunedOneOnGeneratedInstances() throws IOException {
        String[][] rules = { {}, {"--cross-department", "required"}, {"--min-level-gap", "2", "--max-offset-diff", "180"} };
        int seed = 31;
        int addedSomewhere = 0;
        for (String[] rule : rules) {
            PairingSolution solution = read(SharedBench.generatePairing(400, seed++, rule));
            long reference = ReferenceOptimum.objective(solution);
            for (int perMentor : new int[] {0, 4}) {
                ExactPairingOptimizer.Result pruned = ExactPairingOptimizer.optimize(solution, 2, perMentor, () -> false);
                assertEquals(reference, pruned.objective(), "seed " + (seed - 1) + ", " + perMentor + " per mentor");
                assertTrue(pruned.complete());
                addedSomewhere += pruned.addedPairs();
            }
            assertEquals(reference, ExactPairingOptimizer.optimize(solution).objective());
        }
        assertTrue(addedSomewhere > 0, "the pruned flows needed the check");
    }

    @Test
    @Timeout(120)
    void aStopEndsTheExactStepPromptlyWithAValidMatching() throws Exception {
        PairingSolution solution = read(SharedBench.generatePairing(10000, 1));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong stoppedAt = new AtomicLong();
        AtomicReference<ExactPairingOptimizer.Result> result = new AtomicReference<>();
        Thread worker = new Thread(() -> result.set(ExactPairingOptimizer.optimize(solution, stop::get)));
        worker.start();
        Thread.sleep(400);
        stoppedAt.set(System.nanoTime());
        stop.set(true);
        worker.join(5000);
        long millis = (System.nanoTime() - stoppedAt.get()) / 1_000_000;
        assertFalse(worker.isAlive());
        assertTrue(millis < 1000, "returned " + millis + " ms after the stop");
        assertFalse(result.get().complete(), "10,000 people take longer than 0.4 s, so the step was cut short");
        assertValid(solution, result.get().mentors());
    }

    /** OptaPlanner's terminateEarly reaches the exact step through the solution's stop signal (as PairingMatcher wires it). */
    @Test
    @Timeout(120)
    void terminateEarlyStopsTheSolverDuringTheExactStep() throws Exception {
        PairingSolution solution = read(SharedBench.generatePairing(10000, 1));
        Solver<PairingSolution> solver = SolverFactory.<PairingSolution>create(
                PairingSolverConfig.create(Duration.ofSeconds(60))).buildSolver();
        solution.setStopSignal(solver::isTerminateEarly);
        AtomicReference<PairingSolution> best = new AtomicReference<>();
        Thread worker = new Thread(() -> best.set(solver.solve(solution)));
        worker.start();
        Thread.sleep(400);
        long stoppedAt = System.nanoTime();
        solver.terminateEarly();
        worker.join(5000);
        long millis = (System.nanoTime() - stoppedAt) / 1_000_000;
        assertFalse(worker.isAlive());
        assertTrue(millis < 1000, "returned " + millis + " ms after terminateEarly");
        assertEquals(0, best.get().getScore().hardScore());
        Mentor[] mentors = best.get().getAssignments().stream().map(MenteeAssignment::getMentor).toArray(Mentor[]::new);
        assertValid(best.get(), mentors);
    }

    private static void assertValid(PairingSolution solution, Mentor[] mentors) {
        Map<Mentor, Integer> load = new HashMap<>();
        for (int i = 0; i < mentors.length; i++) {
            Mentor mentor = mentors[i];
            if (mentor != null) {
                load.merge(mentor, 1, Integer::sum);
                assertTrue(solution.getRules().isAllowed(mentor, solution.getAssignments().get(i).getMentee()));
            }
        }
        load.forEach((mentor, count) -> assertTrue(count <= mentor.getCapacity(), mentor + " over capacity"));
    }

    private static PairingSolution read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return PairingSolutionFactory.build(PairingJson.readProblem(in));
        }
    }
}
