package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.bench.ReferenceOptimum;
import io.bridgeway.support.SharedBench;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.io.PairingJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end on the public 120-person instance: check.py accepts the result and it is the exact optimum. */
class PairingMatcherTest {

    private static Path pairing120;
    /** Short polish: the exact start is already optimal, local search only confirms it. */
    private static final PairingMatcher MATCHER = new PairingMatcher(PairingProblem.DEFAULT_MAX_PEOPLE, Duration.ofMillis(300));
    private static PairingProblem problem;

    @BeforeAll
    static void read() throws IOException {
        pairing120 = SharedBench.instance("pairing-120.json"); // skips the class without the shared bench
        try (InputStream in = Files.newInputStream(pairing120)) {
            problem = PairingJson.readProblem(in);
        }
    }

    @Test
    @Timeout(60)
    void solvesPairing120ToTheExactOptimumAndCheckPyAgrees() throws IOException {
        PairingResult result = MATCHER.solve(problem, Duration.ofSeconds(10));
        Path solution = Path.of("target", "pairing-120.solution.json");
        Files.writeString(solution, PairingJson.writeSolution(result));

        SharedBench.Check check = SharedBench.check(pairing120, solution);
        assertEquals(0, check.exitCode(), () -> "check.py: " + check.figures());
        assertTrue(check.valid());
        assertEquals(check.objective(), result.objective(), "Java objective equals check.py's");
        assertEquals(check.figures().path("pairWeightSum").asLong(), result.pairWeightSum());

        long exact = ExactPairingOptimizer.optimize(PairingSolutionFactory.build(problem)).objective();
        long independent = ReferenceOptimum.objective(PairingSolutionFactory.build(problem));
        assertEquals(independent, exact, "array min-cost flow equals JGraphT's");
        assertEquals(exact, result.objective(), "the solver reaches the exact optimum");
        assertTrue(result.feasible());
        assertTrue(result.score().startsWith("0hard/"), result.score());
        assertEquals(problem.mentees().size(), result.pairs().size() + result.unmatched().size());
        result.unmatched().forEach(u -> assertFalse(u.reason().isBlank()));
        result.pairs().forEach(p -> assertTrue(p.explanation().size() >= 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pairing-600-strict.json", "pairing-2000.json"})
    @Timeout(120)
    void solvesTheLargerPublicInstancesToTheOptimum(String name) throws IOException {
        PairingProblem larger;
        try (InputStream in = Files.newInputStream(SharedBench.instance(name))) {
            larger = PairingJson.readProblem(in);
        }
        PairingResult result = MATCHER.solve(larger, Duration.ofSeconds(30));
        Path solution = Path.of("target", name.replace(".json", ".solution.json"));
        Files.writeString(solution, PairingJson.writeSolution(result));
        SharedBench.Check check = SharedBench.check(SharedBench.instance(name), solution);
        assertTrue(check.valid(), () -> check.figures().toString());
        assertEquals(check.objective(), result.objective());
        assertEquals(ReferenceOptimum.objective(PairingSolutionFactory.build(larger)), result.objective());
    }

    @Test
    @Timeout(120)
    void availabilityInstanceReachesTheExactOptimumAndCheckPyAgrees() throws IOException {
        Path instance = SharedBench.instance("pairing-800-availability.json");
        PairingProblem available;
        try (InputStream in = Files.newInputStream(instance)) {
            available = PairingJson.readProblem(in);
        }
        assertFalse(available.freeHours().isEmpty(), "the instance carries freeUtcHours");
        PairingResult result = MATCHER.solve(available, Duration.ofSeconds(30));
        Path solution = Path.of("target", "pairing-800-availability.solution.json");
        Files.writeString(solution, PairingJson.writeSolution(result));
        SharedBench.Check check = SharedBench.check(instance, solution);
        assertTrue(check.valid(), () -> check.figures().toString());
        assertEquals(check.objective(), result.objective(), "Java objective (with the -20 term) equals check.py's");
        assertEquals(check.figures().path("pairWeightSum").asLong(), result.pairWeightSum());
        assertEquals(ReferenceOptimum.objective(PairingSolutionFactory.build(available)), result.objective(),
                "the exact optimum, by JGraphT");
        // the term shapes the pairs: with its weight at 0 the optimum would be a different, higher number
        long ignoringAvailability = ExactPairingOptimizer.optimize(PairingSolutionFactory.build(
                available.withSettings(available.settings().withNoCommonFreeHourPenalty(0)))).objective();
        assertTrue(ignoringAvailability > result.objective(), ignoringAvailability + " vs " + result.objective());
    }

    @Test
    @Timeout(60)
    void scoreIsObjectiveMinusAllPriorities() {
        PairingResult result = MATCHER.solve(problem, Duration.ofSeconds(10));
        long allPriorities = problem.mentees().stream().mapToLong(m -> 1000L * m.priority()).sum();
        assertEquals("0hard/" + (result.objective() - allPriorities) + "soft", result.score());
    }

    @Test
    @Timeout(60)
    void exactOptimumMatchesJGraphTOnTheStrictInstance() throws IOException {
        PairingProblem strict;
        try (InputStream in = Files.newInputStream(SharedBench.instance("pairing-600-strict.json"))) {
            strict = PairingJson.readProblem(in);
        }
        assertEquals(ReferenceOptimum.objective(PairingSolutionFactory.build(strict)),
                ExactPairingOptimizer.optimize(PairingSolutionFactory.build(strict)).objective());
    }

    @Test
    @Timeout(60)
    void pinsAreRespectedAndTheRestIsOptimalGivenThem() throws IOException {
        PairingSolution unpinned = PairingSolutionFactory.build(problem);
        ExactPairingOptimizer.Result optimum = ExactPairingOptimizer.optimize(unpinned);
        // Pin three matched mentees to an allowed mentor other than their optimal one, and one to "unmatched".
        List<PairingProblem.PinnedPair> pins = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < unpinned.getAssignments().size() && pins.size() < 3; i++) {
            MenteeAssignment a = unpinned.getAssignments().get(i);
            Mentor best = optimum.mentors()[i];
            for (Mentor other : a.getCandidateMentors()) {
                if (best != null && other != best) {
                    pins.add(new PairingProblem.PinnedPair(a.getId(), other.getId()));
                    expected.put(a.getId(), other.getId());
                    break;
                }
            }
        }
        String keptUnmatched = null;
        for (int i = unpinned.getAssignments().size() - 1; keptUnmatched == null; i--) {
            if (optimum.mentors()[i] != null) {
                keptUnmatched = unpinned.getAssignments().get(i).getId();
            }
        }
        pins.add(new PairingProblem.PinnedPair(keptUnmatched, null));
        PairingProblem pinned = problem.withPins(pins);

        PairingResult result = MATCHER.solve(pinned, Duration.ofSeconds(10));
        Map<String, String> mentorOf = new HashMap<>();
        result.pairs().forEach(p -> mentorOf.put(p.menteeId(), p.mentorId()));
        expected.forEach((mentee, mentor) -> assertEquals(mentor, mentorOf.get(mentee), "pinned " + mentee));
        assertNull(mentorOf.get(keptUnmatched));
        String unmatchedId = keptUnmatched;
        assertEquals("kept unmatched by a manager (pinned)", result.unmatched().stream()
                .filter(u -> u.menteeId().equals(unmatchedId)).findFirst().orElseThrow().reason());
        assertTrue(result.pairs().stream().filter(p -> expected.containsKey(p.menteeId()))
                .allMatch(p -> p.pinned() && p.explanation().get(0).equals("pinned by a manager")));

        long pinnedOptimum = ExactPairingOptimizer.optimize(PairingSolutionFactory.build(pinned)).objective();
        assertEquals(pinnedOptimum, result.objective());
        assertTrue(pinnedOptimum < optimum.objective());
        Path solution = Path.of("target", "pairing-120-pinned.solution.json");
        Files.writeString(solution, PairingJson.writeSolution(result));
        assertTrue(SharedBench.check(pairing120, solution).valid());
    }

    @Test
    @Timeout(60)
    void localSearchAloneKeepsPinsAndFindsFeasiblePairs() {
        // Without the exact start (what a future non-linear model may need): moves must respect pins.
        PairingSolution solution = PairingSolutionFactory.build(problem.withPins(
                List.of(new PairingProblem.PinnedPair(problem.mentees().get(0).personId(), null))));
        Solver<PairingSolution> solver = SolverFactory.<PairingSolution>create(
                PairingSolverConfig.create(Duration.ofSeconds(3), Duration.ofSeconds(1), false)).buildSolver();
        PairingSolution best = solver.solve(solution);
        assertTrue(best.getScore().isFeasible());
        assertNull(best.getAssignments().get(0).getMentor());
        assertTrue(best.objective() > 0);
    }
}
