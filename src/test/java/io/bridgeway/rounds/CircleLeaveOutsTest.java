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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

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
        // "8" keeps nobody apart; every circle keeps the smallest size without "7", so none is refilled
        List<List<String>> apart = IntStream.rangeClosed(1, 6).mapToObj(i -> List.of("7", String.valueOf(i))).toList();
        CirclesProblem problem = problem(8, 2, apart);
        CirclesResult solved = CirclesPlanner.evaluate(problem, List.of(
                List.of(List.of("1", "2", "3", "4"), List.of("5", "6", "7", "8")),
                List.of(List.of("1", "2", "5", "7"), List.of("3", "4", "6", "8"))));

        CircleLeaveOuts.Seated seated = CircleLeaveOuts.leaveOutKeptApart(problem, solved, List.of());

        assertTrue(seated.anyLeftOut());
        assertEquals(List.of(List.of("7"), List.of("7")), seated.leftOut());
        assertEquals(List.of(List.of(List.of("1", "2", "3", "4"), List.of("5", "6", "8")),
                List.of(List.of("1", "2", "5"), List.of("3", "4", "6", "8"))), seated.result().rounds());
        for (MeetingBlock block : seated.result().meetingBlocks()) {
            assertFalse(block.attendees().contains("7"), block.toString());
        }
        for (CircleExplanation explanation : seated.result().explanations()) {
            assertFalse(explanation.memberIds().contains("7"), explanation.toString());
            assertFalse(String.join(" ", explanation.notes()).contains("P7"), explanation.notes().toString());
        }
        assertEquals(0, seated.result().hard());
        // measured without "7": 1-2, 3-4 and 6-8 meet again at meeting 2 (3 repeats); "7" counts in no circle
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

    // Below: "1" is kept apart from "2" and "3" and leaves their circle, which ends at 2 below the smallest size, 3.
    // Departments are "D" + id % 3 (2 and 5 are D2, 3 and 6 are D0, 4 and 7 are D1), so the circle penalty, same
    // department pairs, is lowest when 4 or 7 joins 2 and 3: both circles are then free of such pairs.

    @Test
    void aCircleTheLeaveOutsTookBelowTheSmallestSizeIsRefilledByTheBestScoringMoveFromALargerOne() {
        CirclesProblem problem = problem(10, 1, List.of(List.of("1", "2"), List.of("1", "3")));
        CirclesResult solved = CirclesPlanner.evaluate(problem, List.of(
                List.of(List.of("1", "2", "3"), List.of("5", "6", "4", "7"), List.of("8", "9", "10"))));

        CircleLeaveOuts.Seated seated = CircleLeaveOuts.leaveOutKeptApart(problem, solved, List.of());

        assertEquals(List.of(List.of("1")), seated.leftOut(), "members left out stay left out");
        assertEquals(List.of(List.of("2", "3", "4"), List.of("5", "6", "7"), List.of("8", "9", "10")),
                seated.result().rounds().get(0), "4, not the first of its circle; the circle of 3 gives nobody");
        assertEquals(0, seated.result().soft(), "measured after the move");
    }

    @Test
    void noMoveSeatsSomeoneWithAColleagueTheyAreKeptApartFrom() {
        // 4 and 7 would score best, but 4 is kept apart from 2 and 7 from 3
        CirclesProblem problem = problem(10, 1,
                List.of(List.of("1", "2"), List.of("1", "3"), List.of("2", "4"), List.of("7", "3")));
        CirclesResult solved = CirclesPlanner.evaluate(problem, List.of(
                List.of(List.of("1", "2", "3"), List.of("4", "5", "6", "7"), List.of("8", "9", "10"))));

        CircleLeaveOuts.Seated seated = CircleLeaveOuts.leaveOutKeptApart(problem, solved, List.of());

        assertEquals(List.of(List.of("1")), seated.leftOut());
        assertEquals(List.of(List.of("2", "3", "5"), List.of("4", "6", "7"), List.of("8", "9", "10")),
                seated.result().rounds().get(0));
        assertEquals(0, seated.result().hard());
    }

    @Test
    void aMemberAManagerPinnedStaysInTheirCircle() {
        CirclesProblem problem = problem(10, 1, List.of(List.of("1", "2"), List.of("1", "3")));
        CirclesResult solved = CirclesPlanner.evaluate(problem, List.of(
                List.of(List.of("1", "2", "3"), List.of("5", "6", "4", "7"), List.of("8", "9", "10"))));

        CircleLeaveOuts.Seated seated = CircleLeaveOuts.leaveOutKeptApart(problem, solved,
                List.of(new RoundResults.CirclePin("4", 0, 1), new RoundResults.CirclePin("7", 0, 1)));

        assertEquals(List.of(List.of("2", "3", "5"), List.of("6", "4", "7"), List.of("8", "9", "10")),
                seated.result().rounds().get(0), "5, the first of the others: 4 and 7 are pinned where they are");
    }

    @Test
    void aMeetingWithNoCircleAboveTheSmallestSizeKeepsItsSmallCircle() {
        // 4 is kept apart from 2 and 3 too: at meeting 2 both 1 and 4 leave their circle of 4, and the other circles
        // have only the smallest size; at meeting 1 there is a circle of 4 to refill from
        CirclesProblem problem = problem(10, 2,
                List.of(List.of("1", "2"), List.of("1", "3"), List.of("4", "2"), List.of("4", "3")));
        CirclesResult solved = CirclesPlanner.evaluate(problem, List.of(
                List.of(List.of("1", "2", "3"), List.of("4", "5", "6", "7"), List.of("8", "9", "10")),
                List.of(List.of("1", "2", "3", "4"), List.of("5", "6", "7"), List.of("8", "9", "10"))));

        CircleLeaveOuts.Seated seated = CircleLeaveOuts.leaveOutKeptApart(problem, solved, List.of());

        assertEquals(List.of(List.of("1"), List.of("1", "4")), seated.leftOut());
        assertEquals(3, seated.result().rounds().get(0).get(0).size(), "refilled at meeting 1");
        assertEquals(List.of(List.of("2", "3"), List.of("5", "6", "7"), List.of("8", "9", "10")),
                seated.result().rounds().get(1), "unchanged at meeting 2");
    }

    @Test
    void theRefillIsTheMoveThatScoresBestWhenEveryMoveIsMeasuredWhole() {
        // Departments, time zones and levels vary. 2 met 4 to 7 and 3 met 9 to 12 in an earlier programme; meeting 2
        // seats 3 with 11 and 13, and 7 with 8, 9 with 10, 11 with 13 again. Only 8 joins 2 and 3 and lowers the
        // repeats (7 and 8 no longer meet twice); 9 and 13, earlier in circle order, score as well on the circle
        // penalty but not on repeats.
        List<PersonProfile> profiles = IntStream.rangeClosed(1, 16).mapToObj(i -> new PersonProfile(String.valueOf(i),
                "P" + i, "D" + (i % 4), 1 + i % 5, null, "Office", 60 * (i % 3), Set.of("en"), Map.of(), Set.of()))
                .toList();
        CirclesProblem problem = new CirclesProblem(profiles, 2, 3, 5,
                Stream.concat(Stream.of("4", "5", "6", "7").map(id -> List.of("2", id)),
                        Stream.of("9", "10", "11", "12").map(id -> List.of("3", id))).toList(),
                CirclesSettings.withSeniorLevel(4), Set.of(), null, null)
                .withKeptApart(List.of(List.of("1", "2"), List.of("1", "3")));
        List<String> larger = List.of("9", "10", "11", "12", "13");
        List<String> largest = List.of("4", "5", "6", "7", "8");
        List<List<String>> secondMeeting = List.of(List.of("3", "11", "13", "4"), List.of("7", "8", "12", "14"),
                List.of("1", "9", "10", "5"), List.of("2", "6", "15", "16"));
        CirclesResult solved = CirclesPlanner.evaluate(problem, List.of(
                List.of(List.of("1", "2", "3"), larger, largest, List.of("14", "15", "16")), secondMeeting));

        CircleLeaveOuts.Seated seated = CircleLeaveOuts.leaveOutKeptApart(problem, solved, List.of());

        List<HardMediumSoftScore> everyMove = Stream.concat(larger.stream(), largest.stream())
                .map(member -> score(CirclesPlanner.evaluate(problem, List.of(List.of(List.of("2", "3", member),
                        without(larger, member), without(largest, member), List.of("14", "15", "16")), secondMeeting))))
                .toList();
        assertEquals(List.of(List.of("1"), List.of()), seated.leftOut());
        assertEquals(List.of("2", "3", "8"), seated.result().rounds().get(0).get(0));
        assertEquals(everyMove.stream().max(Comparator.naturalOrder()).orElseThrow(), score(seated.result()),
                "of " + everyMove);
    }

    private static List<String> without(List<String> circle, String member) {
        return circle.stream().filter(id -> !id.equals(member)).toList();
    }

    private static HardMediumSoftScore score(CirclesResult result) {
        return HardMediumSoftScore.parseScore(result.score());
    }
}
