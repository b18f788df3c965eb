package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.WeeklySlot;
import io.bridgeway.matching.circles.domain.Circle;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.CirclesSettings;
import io.bridgeway.matching.circles.domain.MeetingBlock;
import io.bridgeway.matching.circles.domain.PersonAvailability;
import io.bridgeway.matching.circles.domain.Placement;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import io.bridgeway.matching.circles.solver.CirclesScheduleFactory;
import io.bridgeway.matching.circles.solver.CirclesSolverConfig;
import io.bridgeway.matching.circles.solver.CirclesValidator;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/** {@link CircleSeating} on hand-made seatings (one meeting, circles of 4) and on solved schedules. */
class CircleSeatingTest {

    private static final SolutionManager<CirclesSchedule, HardMediumSoftScore> SCORER = SolutionManager.create(
            SolverFactory.create(CirclesSolverConfig.create(Duration.ofSeconds(1))));

    private static PersonProfile person(String id, String department, int offsetMinutes) {
        return new PersonProfile(id, id, department, 3, null, "Office", offsetMinutes, Set.of("en"), Map.of(), Set.of());
    }

    /** A one-meeting problem of circles of 4; people listed circle by circle. */
    private static CirclesProblem problem(List<PersonProfile> people, List<List<String>> history,
            Map<String, PersonAvailability> availability) {
        return new CirclesProblem(people, 1, 4, 4, history, CirclesSettings.defaults(), Set.of(), availability, null);
    }

    /** The schedule with circle i holding people 4i..4i+3 of the problem. */
    private static CirclesSchedule seated(CirclesProblem problem) {
        CirclesSchedule schedule = CirclesScheduleFactory.build(problem);
        for (Placement p : schedule.getPlacements()) {
            p.setCircle(p.getRoundCircles().get(p.getMember().index() / 4));
        }
        SCORER.update(schedule);
        return schedule;
    }

    private static Map<String, Integer> circleOf(CirclesSchedule schedule) {
        Map<String, Integer> circles = new LinkedHashMap<>();
        schedule.getPlacements().forEach(p -> circles.put(p.getMember().id(), p.getCircle().index()));
        return circles;
    }

    private static ToIntFunction<String> ties(Map<String, Integer> ties) {
        return id -> ties.getOrDefault(id, 0);
    }

    /** Everyone placed exactly once per meeting, and every circle as large as before. */
    private static void assertNobodyDropped(CirclesProblem problem, CirclesSchedule schedule,
            Map<Circle, Long> sizesBefore) {
        for (int round = 0; round < schedule.getRounds(); round++) {
            final int r = round;
            List<String> placed = schedule.getPlacements().stream().filter(p -> p.getRound() == r)
                    .map(p -> p.getMember().id()).sorted().toList();
            assertEquals(problem.people().stream().map(PersonProfile::id).sorted().toList(), placed,
                    "meeting " + (r + 1));
            List<String> inCircles = CirclesPlanner.toResult(problem, schedule, 0).rounds().get(r).stream()
                    .flatMap(List::stream).sorted().toList();
            assertEquals(placed, inCircles, "meeting " + (r + 1) + " as published");
        }
        assertEquals(sizesBefore, sizes(schedule));
    }

    private static Map<Circle, Long> sizes(CirclesSchedule schedule) {
        return schedule.getPlacements().stream().collect(Collectors.groupingBy(Placement::getCircle,
                Collectors.counting()));
    }

    /**
     * Eng has six members: e1 alone in circle 0 (3 others), e2 and e3 in circle 1 (2 others), e4..e6 in circle 2
     * (1 other). Sorted by ties (e5 0, e4 1, e6 2, e3 7, e2 8, e1 9) they take the seats 3, 2, 2, 1, 1, 1.
     */
    @Test
    void theLeastConnectedGetTheSeatsWithTheMostOtherDepartments() {
        CirclesProblem problem = problem(List.of(
                person("e1", "Eng", 0), person("s1", "Sales", 0), person("h1", "HR", 0), person("o1", "Ops", 0),
                person("e2", "Eng", 0), person("e3", "Eng", 0), person("s2", "Sales", 0), person("h2", "HR", 0),
                person("e4", "Eng", 0), person("e5", "Eng", 0), person("e6", "Eng", 0), person("s3", "Sales", 0)),
                List.of(), Map.of());
        CirclesSchedule schedule = seated(problem);
        Map<Circle, Long> sizes = sizes(schedule);

        int moved = CircleSeating.seatLeastConnected(problem, schedule,
                ties(Map.of("e1", 9, "e2", 8, "e3", 7, "e4", 1, "e5", 0, "e6", 2)));

        Map<String, Integer> circle = circleOf(schedule);
        assertEquals(0, circle.get("e5"), "fewest ties: the circle with 3 other departments");
        assertEquals(Set.of("e4", "e6"), idsIn(circle, 1, "e"));
        assertEquals(Set.of("e1", "e2", "e3"), idsIn(circle, 2, "e"));
        assertEquals(List.of(0, 0, 0, 1, 1, 2), List.of(circle.get("s1"), circle.get("h1"), circle.get("o1"),
                circle.get("s2"), circle.get("h2"), circle.get("s3")), "other departments stay put");
        assertEquals(6, moved);
        assertNobodyDropped(problem, schedule, sizes);
    }

    private static Set<String> idsIn(Map<String, Integer> circleOf, int circle, String prefix) {
        return circleOf.entrySet().stream().filter(e -> e.getValue() == circle && e.getKey().startsWith(prefix))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /** e1 (9 ties) holds the diverse seat in circle 0; e2 (0 ties) and e3 (1 tie) sit in circle 1 with e4. */
    private static List<PersonProfile> twoCircles(int e2Offset, int s2Offset) {
        return List.of(
                person("e1", "Eng", 0), person("s1", "Sales", 0), person("h1", "HR", 0), person("o1", "Ops", 0),
                person("e2", "Eng", e2Offset), person("e3", "Eng", 0), person("e4", "Eng", 0),
                person("s2", "Sales", s2Offset));
    }

    private static final Map<String, Integer> TIES = Map.of("e1", 9, "e2", 0, "e3", 1, "e4", 5);

    @Test
    void withNothingInTheWayTheLeastConnectedTakesTheDiverseSeat() {
        CirclesProblem problem = problem(twoCircles(0, 0), List.of(), Map.of());
        CirclesSchedule schedule = seated(problem);
        CircleSeating.seatLeastConnected(problem, schedule, ties(TIES));
        assertEquals(0, circleOf(schedule).get("e2"));
        assertEquals(1, circleOf(schedule).get("e1"));
    }

    @Test
    void aSwapThatWouldRepeatAMeetingIsNotKept() {
        // e2 met s1 in an earlier round: sitting with s1 again would be a repeat
        CirclesProblem problem = problem(twoCircles(0, 0), List.of(List.of("e2", "s1")), Map.of());
        CirclesSchedule schedule = seated(problem);
        Map<Circle, Long> sizes = sizes(schedule);

        CircleSeating.seatLeastConnectedAndRescore(problem, schedule, ties(TIES));

        assertE2StaysAndE3TakesTheSeat(schedule, "no repeat for the least connected");
        assertEquals(HardMediumSoftScore.of(0, 0, -30), schedule.getScore(),
                "no repeat; the three Eng members of circle 1 were three same-department pairs before too");
        assertNobodyDropped(problem, schedule, sizes);
    }

    @Test
    void aSwapThatWouldSeatAKeptApartPairTogetherIsNotKept() {
        // e2 and s1 must never share a circle (someone's do-not-pair list): the reseat must not undo the solver
        CirclesProblem problem = problem(twoCircles(0, 0), List.of(), Map.of())
                .withKeptApart(List.of(List.of("e2", "s1")));
        CirclesSchedule schedule = seated(problem);
        Map<Circle, Long> sizes = sizes(schedule);

        CircleSeating.seatLeastConnectedAndRescore(problem, schedule, ties(TIES));

        assertE2StaysAndE3TakesTheSeat(schedule, "the kept-apart pair stays apart");
        assertEquals(0, schedule.getScore().hardScore(), schedule.getScore().toString());
        assertNobodyDropped(problem, schedule, sizes);
    }

    @Test
    void aSwapThatWouldWidenTheTimeZoneSpreadIsNotKept() {
        // e2 and s2 are 10 h ahead: circle 1 spans 10 h either way, circle 0 would go from 0 to 10 h with e2
        CirclesProblem problem = problem(twoCircles(600, 600), List.of(), Map.of());
        CirclesSchedule schedule = seated(problem);
        CircleSeating.seatLeastConnected(problem, schedule, ties(TIES));
        assertE2StaysAndE3TakesTheSeat(schedule, "no wider time-zone spread");
    }

    /** The least connected (e2) keeps its seat; the next least connected (e3) takes e1's diverse seat instead. */
    private static void assertE2StaysAndE3TakesTheSeat(CirclesSchedule schedule, String why) {
        Map<String, Integer> circle = circleOf(schedule);
        assertEquals(List.of(1, 0, 1), List.of(circle.get("e2"), circle.get("e3"), circle.get("e1")), why);
    }

    private static PersonAvailability free(String... slots) {
        return new PersonAvailability(ZoneId.of("UTC"),
                Set.of(slots).stream().map(WeeklySlot::parse).collect(Collectors.toSet()));
    }

    @Test
    void aSwapNeverCostsAnyoneTheirMeetingHour() {
        // circle 0 meets MON-09, circle 1 TUE-10; e2 is free only TUE-10, e1 and e3 are free at both hours
        Map<String, PersonAvailability> availability = new HashMap<>();
        for (String id : List.of("s1", "h1", "o1")) {
            availability.put(id, free("MON-09"));
        }
        availability.put("e2", free("TUE-10"));
        for (String id : List.of("e1", "e3", "e4", "s2")) {
            availability.put(id, free("MON-09", "TUE-10"));
        }
        CirclesProblem problem = problem(twoCircles(0, 0), List.of(), availability);
        CirclesSchedule schedule = seated(problem);
        List<MeetingBlock> hoursBefore = CirclesPlanner.toResult(problem, schedule, 0).meetingBlocks();
        assertTrue(hoursBefore.stream().allMatch(MeetingBlock::everyoneCanAttend), hoursBefore.toString());
        Map<Circle, Long> sizes = sizes(schedule);

        CircleSeating.seatLeastConnected(problem, schedule, ties(TIES));

        assertE2StaysAndE3TakesTheSeat(schedule, "circle 0 cannot meet at an hour e2 can make; e3 can");
        List<MeetingBlock> hoursAfter = CirclesPlanner.toResult(problem, schedule, 0).meetingBlocks();
        assertTrue(hoursAfter.stream().allMatch(MeetingBlock::everyoneCanAttend), hoursAfter.toString());
        assertNobodyDropped(problem, schedule, sizes);
    }

    @Test
    void someoneWhoCouldNotAttendBeforeMayStillSwap() {
        // e2 is free at no hour of either circle: the swap costs nobody an hour they had
        Map<String, PersonAvailability> availability = new HashMap<>();
        for (String id : List.of("e1", "s1", "h1", "o1", "e3", "e4", "s2")) {
            availability.put(id, free("MON-09"));
        }
        availability.put("e2", free("WED-15"));
        CirclesProblem problem = problem(twoCircles(0, 0), List.of(), availability);
        CirclesSchedule schedule = seated(problem);
        CircleSeating.seatLeastConnected(problem, schedule, ties(TIES));
        assertEquals(0, circleOf(schedule).get("e2"));
    }

    /**
     * On random seatings of three meetings (deterministic seeds), with history, offsets, a senior rule and
     * availability: the score never gets worse, nobody loses their meeting hour, nobody is dropped.
     */
    @Test
    void onAnySeatingTheScoreNeverGetsWorseAndNobodyIsDropped() {
        String[] departments = {"Eng", "Sales", "HR"};
        List<PersonProfile> people = new ArrayList<>();
        Map<String, PersonAvailability> availability = new HashMap<>();
        for (int i = 0; i < 23; i++) {
            String id = "p" + i;
            people.add(new PersonProfile(id, id, departments[i % 3 == 2 && i > 12 ? 0 : i % 3], 1 + i % 6, null,
                    "Office", 60 * (i % 4), Set.of("en"), Map.of(), Set.of()));
            if (i % 5 != 0) {
                availability.put(id, free(i % 2 == 0 ? "MON-09" : "TUE-10", "WED-14"));
            }
        }
        CirclesProblem problem = new CirclesProblem(people, 3, 4, 5, List.of(List.of("p1", "p2", "p3")),
                CirclesSettings.withSeniorLevel(5), Set.of(), availability, null);
        ToIntFunction<String> ties = id -> (Integer.parseInt(id.substring(1)) * 7) % 11;
        int moved = 0;
        for (long seed = 1; seed <= 5; seed++) {
            CirclesSchedule schedule = randomlySeated(problem, new Random(seed));
            HardMediumSoftScore before = schedule.getScore();
            Map<Circle, Long> sizes = sizes(schedule);
            Set<String> unableBefore = unable(problem, schedule);

            moved += CircleSeating.seatLeastConnectedAndRescore(problem, schedule, ties);

            HardMediumSoftScore after = schedule.getScore();
            assertEquals(before.hardScore(), after.hardScore(), "seed " + seed);
            assertTrue(after.mediumScore() >= before.mediumScore(), "seed " + seed + ": " + before + " -> " + after);
            assertTrue(after.softScore() >= before.softScore(), "seed " + seed + ": " + before + " -> " + after);
            assertTrue(unableBefore.containsAll(unable(problem, schedule)), "seed " + seed);
            assertNobodyDropped(problem, schedule, sizes);
        }
        assertTrue(moved > 0, "the seatings leave room for swaps");
    }

    /** Each meeting: people shuffled into circles of the problem's sizes. */
    private static CirclesSchedule randomlySeated(CirclesProblem problem, Random random) {
        CirclesSchedule schedule = CirclesScheduleFactory.build(problem);
        int[] sizes = CirclesValidator.groupSizes(problem.people().size(), problem.minGroupSize(),
                problem.maxGroupSize());
        for (int round = 0; round < schedule.getRounds(); round++) {
            final int r = round;
            List<Placement> placements = new ArrayList<>(schedule.getPlacements().stream()
                    .filter(p -> p.getRound() == r).toList());
            Collections.shuffle(placements, random);
            int at = 0;
            for (int circle = 0; circle < sizes.length; circle++) {
                for (int k = 0; k < sizes[circle]; k++) {
                    Placement p = placements.get(at++);
                    p.setCircle(p.getRoundCircles().get(circle));
                }
            }
        }
        SCORER.update(schedule);
        return schedule;
    }

    /** "meeting/person" for everyone who cannot make their circle's hour. */
    private static Set<String> unable(CirclesProblem problem, CirclesSchedule schedule) {
        return CirclesPlanner.toResult(problem, schedule, 0).meetingBlocks().stream()
                .flatMap(b -> b.cannotAttend().stream().map(id -> b.round() + "/" + id)).collect(Collectors.toSet());
    }
}
