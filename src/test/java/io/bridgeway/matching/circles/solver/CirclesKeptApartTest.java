package io.bridgeway.matching.circles.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import io.bridgeway.matching.circles.domain.CircleExplanation;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;

import org.junit.jupiter.api.Test;

/** Kept-apart pairs never share a circle, even when that costs repeats, and explanations never name them. */
class CirclesKeptApartTest {

    private static final List<List<String>> APART = List.of(List.of("p1", "p2"), List.of("p1", "p3"),
            List.of("p7", "p12"));

    private static void assertNeverTogether(CirclesResult result) {
        for (List<List<String>> round : result.rounds()) {
            for (List<String> circle : round) {
                for (List<String> pair : APART) {
                    assertFalse(circle.containsAll(pair), () -> pair + " share " + circle);
                }
            }
        }
    }

    @Test
    void keptApartOutranksRepeats() {
        // 15 people in threes for 7 rounds (golfers 5-3-7): everyone meets everyone exactly once when solved,
        // so keeping pairs apart forces repeats; the search must still keep them apart.
        CirclesProblem problem = CirclesProblem.of(CirclesValidatorTest.people(15), 7, 3, 3).withKeptApart(APART);
        CirclesResult result = CirclesPlanner.solve(problem, Duration.ofSeconds(3), Duration.ofSeconds(1), 7);
        assertEquals(0, result.hard());
        assertTrue(result.repeats() > 0, "a kept-apart pair can only be avoided by a repeat here");
        assertNeverTogether(result);
    }

    @Test
    void explanationsDoNotRevealWhoIsKeptApart() {
        CirclesProblem problem = CirclesProblem.of(CirclesValidatorTest.people(16), 3, 4, 4).withKeptApart(APART);
        CirclesResult result = CirclesPlanner.solve(problem, Duration.ofSeconds(3), Duration.ofSeconds(1), 7);
        assertTrue(result.solved());
        assertNeverTogether(result);
        for (CircleExplanation explanation : result.explanations()) {
            assertFalse(explanation.toString().toLowerCase().contains("apart"), explanation::toString);
        }
    }
}
