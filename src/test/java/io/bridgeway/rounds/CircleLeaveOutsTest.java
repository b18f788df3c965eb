package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.circles.domain.CircleExplanation;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.domain.CirclesSettings;
import io.bridgeway.matching.circles.domain.MeetingBlock;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link CircleLeaveOuts} on hand-made circles of people "1".."n". */
class CircleLeaveOutsTest {

    private static CirclesProblem problem(int people, int meetings, List<List<String>> keptApart) {
        List<PersonProfile> profiles = IntStream.rangeClosed(1, people).mapToObj(i -> new PersonProfile(
                String.valueOf(i), "P" + i, "D" + (i % 3), 3, null, "Office", 0, Set.of("en"), Map.of(), Set.of()))
                .toList();
        return new CirclesProblem(profiles, meetings, 3, 4, List.of(), CirclesSettings.defaults(), Set.of(), null,
                null).withKeptApart(keptApart);
    }

    @Test
    void someoneKeptApartFromEveryoneIsLeftOutOfEveryMeetingAndTheCirclesAreMeasuredWithoutThem() {
        List<List<String>> apart = IntStream.rangeClosed(1, 6).mapToObj(i -> List.of("7", String.valueOf(i))).toList();
        CirclesProblem problem = problem(7, 2, apart);
        CirclesResult solved = CirclesPlanner.evaluate(problem, List.of(
                List.of(List.of("1", "2", "3", "4"), List.of("5", "6", "7")),
                List.of(List.of("1", "5", "7"), List.of("2", "3", "4", "6"))));

        CircleLeaveOuts.Seated seated = CircleLeaveOuts.leaveOutKeptApart(problem, solved, List.of());

        assertTrue(seated.anyLeftOut());
        assertEquals(List.of(List.of("7"), List.of("7")), seated.leftOut());
        assertEquals(List.of(List.of(List.of("1", "2", "3", "4"), List.of("5", "6")),
                List.of(List.of("1", "5"), List.of("2", "3", "4", "6"))), seated.result().rounds());
        for (MeetingBlock block : seated.result().meetingBlocks()) {
            assertFalse(block.attendees().contains("7"), block.toString());
        }
        for (CircleExplanation explanation : seated.result().explanations()) {
            assertFalse(explanation.memberIds().contains("7"), explanation.toString());
            assertFalse(String.join(" ", explanation.notes()).contains("P7"), explanation.notes().toString());
        }
        assertEquals(0, seated.result().hard());
        // measured without "7": 2, 3 and 4 meet again at meeting 2 (3 repeats); "7" counts in no circle
        assertEquals(3, seated.result().repeats());
        assertEquals(seated.result().repeats(), seated.result().explanations().stream()
                .mapToInt(CircleExplanation::repeats).sum());
    }

    @Test
    void theMemberWithTheMostConflictsGoesFirstAndATieSparesThePinned() {
        // in one circle of five: "1" is kept apart from "2" and "3"; "4" from "5", and "4" is pinned there
        CirclesProblem problem = problem(8, 1, List.of(List.of("1", "2"), List.of("3", "1"), List.of("4", "5")));
        CirclesResult solved = CirclesPlanner.evaluate(problem, List.of(
                List.of(List.of("1", "2", "3", "4", "5"), List.of("6", "7", "8"))));

        CircleLeaveOuts.Seated seated = CircleLeaveOuts.leaveOutKeptApart(problem, solved,
                List.of(new RoundResults.CirclePin("4", 0, 0)));

        assertEquals(List.of(List.of("1", "5")), seated.leftOut(), "one each: nobody else is taken out");
        assertEquals(List.of(List.of("2", "3", "4"), List.of("6", "7", "8")), seated.result().rounds().get(0));
    }

    @Test
    void onATieTheOneKeptApartFromTheMostPeopleGoesNotTheColleagueBesideThem() {
        // "7" is kept apart from everyone but "6"; in the circle 1, 6, 7 both "1" and "7" have one conflict
        List<List<String>> apart = IntStream.rangeClosed(1, 5).mapToObj(i -> List.of(String.valueOf(i), "7")).toList();
        CirclesProblem problem = problem(7, 1, apart);
        CirclesResult solved = CirclesPlanner.evaluate(problem, List.of(
                List.of(List.of("1", "6", "7"), List.of("2", "3", "4", "5"))));

        CircleLeaveOuts.Seated seated = CircleLeaveOuts.leaveOutKeptApart(problem, solved, List.of());

        assertEquals(List.of(List.of("7")), seated.leftOut());
    }

    @Test
    void circlesThatKeepTheRulesAreLeftAsTheSolverMadeThem() {
        CirclesProblem problem = problem(7, 1, List.of(List.of("1", "7")));
        CirclesResult solved = CirclesPlanner.evaluate(problem, List.of(
                List.of(List.of("1", "2", "3", "4"), List.of("5", "6", "7"))));

        CircleLeaveOuts.Seated seated = CircleLeaveOuts.leaveOutKeptApart(problem, solved, List.of());

        assertFalse(seated.anyLeftOut());
        assertSame(solved, seated.result());
        assertEquals(List.of(List.of()), seated.leftOut());
    }
}
