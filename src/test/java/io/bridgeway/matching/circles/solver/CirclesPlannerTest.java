package io.bridgeway.matching.circles.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.io.CirclesJson;
import io.bridgeway.support.SharedBench;

import org.junit.jupiter.api.Test;

/** Solves shared benchmark instances and checks the output with the reference checker (check.py). */
class CirclesPlannerTest {

    private static final Path OUT = Path.of("target/circles-test");

    private record Checked(CirclesResult result, JsonNode check) {
    }

    private static Checked solveAndCheck(String instanceName, Duration limit, Duration unimproved) throws Exception {
        Path instance = SharedBench.instance(instanceName);
        CirclesProblem problem = CirclesJson.toProblem(CirclesJson.read(instance));
        CirclesResult result = CirclesPlanner.solve(problem, limit, unimproved, 42);
        Files.createDirectories(OUT);
        Path solution = OUT.resolve(instanceName.replace(".json", ".solution.json"));
        CirclesJson.write(solution, CirclesJson.toJson(result));

        SharedBench.Check checked = SharedBench.check(instance, solution);
        assertEquals(0, checked.exitCode(), () -> "check.py rejected the solution: " + checked.figures());
        JsonNode check = checked.figures();
        assertTrue(check.get("valid").asBoolean());
        assertEquals(0, result.hard());
        assertEquals(check.get("repeats").asInt(), result.repeats(), "repeats differ from check.py");
        assertEquals(check.get("soft").asInt(), result.soft(), "soft differs from check.py");
        assertEquals(check.get("unavailableMembers").asInt(), result.unavailableMembers(),
                "unavailableMembers differs from check.py");
        assertEquals(problem.rounds() * result.rounds().get(0).size(), result.explanations().size());
        return new Checked(result, check);
    }

    @Test
    void golfers537IsSolvedWithoutRepeats() throws Exception {
        // the search stops as soon as it reaches 0 repeats (the best possible score here)
        JsonNode check = solveAndCheck("golfers-5-3-7.json", Duration.ofSeconds(30), Duration.ofSeconds(30)).check();
        assertTrue(check.get("solved").asBoolean());
        assertEquals(0, check.get("repeats").asInt());
    }

    @Test
    void availabilityMatchesTheReferenceCheckerAndMostSeatsCanMeet() throws Exception {
        CirclesResult result = solveAndCheck("circles-200-availability.json", Duration.ofSeconds(8),
                Duration.ofSeconds(3)).result();
        int seats = 200 * result.rounds().size();
        // a random rotation leaves about 56% of seats unable to meet
        assertTrue(result.unavailableMembers() <= seats * 0.05, () -> result.unavailableMembers() + " of " + seats);
        // every circle meets at its best common hour, and the blocks name exactly the unavailable seats
        assertEquals(result.unavailableMembers(),
                result.meetingBlocks().stream().mapToInt(b -> b.cannotAttend().size()).sum());
    }

    @Test
    void circles68MatchesTheReferenceChecker() throws Exception {
        JsonNode check = solveAndCheck("circles-68.json", Duration.ofSeconds(6), Duration.ofSeconds(2)).check();
        assertEquals(0, check.get("repeats").asInt());
        assertFalse(check.get("soft").asInt() < 0);
    }
}
