package io.bridgeway.matching.circles.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.WeeklySlot;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.domain.CirclesSettings;
import io.bridgeway.matching.circles.domain.MeetingBlock;
import io.bridgeway.matching.circles.domain.MeetingCalendar;
import io.bridgeway.matching.circles.domain.PersonAvailability;
import io.bridgeway.matching.circles.time.WeeklyAvailability;

import org.junit.jupiter.api.Test;

/**
 * Each meeting is searched with the free UTC hours of its own week. New York moves to summer time on
 * 14 March 2027, Berlin on 28 March, so between the meetings of 8 and 15 March New Yorkers' slots move one
 * UTC hour earlier while Berliners' stay.
 */
class CircleHoursAcrossDaylightSavingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /*
     * UTC hours (Monday) in the week of 8 March / of 15 March:
     *   b1 MON-15 Berlin: 14 / 14          n1 MON-09, MON-13 New York: 14, 18 / 13, 17
     *   b2 MON-18 Berlin: 17 / 17          n2 MON-10, MON-12 New York: 15, 17 / 14, 16
     * Only {b1 n1, b2 n2} in the first meeting and {b1 n2, b2 n1} in the second let everyone come; with the
     * first week's hours in both meetings the second meeting would look impossible.
     */
    private static final Map<String, PersonAvailability> SLOTS = Map.of(
            "b1", availability(BERLIN, "MON-15"),
            "b2", availability(BERLIN, "MON-18"),
            "n1", availability(NEW_YORK, "MON-09", "MON-13"),
            "n2", availability(NEW_YORK, "MON-10", "MON-12"));

    @Test
    void eachMeetingUsesTheFreeHoursOfItsOwnWeek() {
        CirclesProblem problem = problem(LocalDate.of(2027, 3, 8), 2);
        assertEquals(Set.of(14, 18), problem.freeUtcHoursInRound(0).get("n1"));
        assertEquals(Set.of(13, 17), problem.freeUtcHoursInRound(1).get("n1"));
        assertEquals(Set.of(14), problem.freeUtcHoursInRound(1).get("b1"));

        CirclesResult result = CirclesPlanner.solve(problem, Duration.ofSeconds(5), Duration.ofSeconds(2), 42);

        assertEquals(0, result.repeats());
        assertEquals(0, result.unavailableMembers(), result::toString);
        assertEquals(Set.of(Set.of("b1", "n1"), Set.of("b2", "n2")), circles(result, 0));
        assertEquals(Set.of(Set.of("b1", "n2"), Set.of("b2", "n1")), circles(result, 1));
        // the stored hours are those the search optimised, and nobody is told they cannot come
        for (MeetingBlock block : result.meetingBlocks()) {
            assertTrue(block.everyoneCanAttend(), block::toString);
            for (String id : block.attendees()) {
                PersonAvailability local = SLOTS.get(id);
                List<LocalDate> weeks = problem.calendar().weekStarts(block.round() - 1);
                assertTrue(WeeklyAvailability.of(local.slots(), local.zone(), weeks)
                        .coversHourAt(block.utcMinuteOfWeek()), () -> id + " is not free at " + block);
            }
        }
        MeetingBlock secondWithN1 = result.meetingBlocks().stream()
                .filter(b -> b.round() == 2 && b.attendees().contains("n1")).findFirst().orElseThrow();
        assertEquals("MON 17:00 UTC", secondWithN1.utcStart());
        assertEquals("MON-13", secondWithN1.localStarts().get("n1"));
        assertEquals("MON-18", secondWithN1.localStarts().get("b2"));
        assertEquals(result.unavailableMembers(), CirclesPlanner.evaluate(problem, result.rounds()).unavailableMembers());
    }

    @Test
    void autumnChangesMoveTheHoursOfLaterMeetings() {
        // Berlin leaves summer time on 31 October 2027, New York on 7 November
        CirclesProblem problem = problem(LocalDate.of(2027, 10, 25), 3);
        assertEquals(Set.of(13), problem.freeUtcHoursInRound(0).get("b1")); // MON-15 at UTC+2
        assertEquals(Set.of(14), problem.freeUtcHoursInRound(1).get("b1")); // at UTC+1
        assertEquals(Set.of(13, 17), problem.freeUtcHoursInRound(1).get("n1")); // still UTC-4
        assertEquals(Set.of(14, 18), problem.freeUtcHoursInRound(2).get("n1")); // UTC-5
    }

    private static CirclesProblem problem(LocalDate firstMeetingWeek, int meetings) {
        List<PersonProfile> people = SLOTS.keySet().stream().sorted()
                .map(id -> new PersonProfile(id, id, null, 3, null, null, id.startsWith("b") ? 60 : -300, null, null,
                        null))
                .toList();
        Map<String, Set<Integer>> firstWeek = new LinkedHashMap<>();
        MeetingCalendar calendar = new MeetingCalendar(firstMeetingWeek, 1);
        SLOTS.forEach((id, local) -> firstWeek.put(id,
                WeeklyAvailability.of(local.slots(), local.zone(), calendar.weekStarts(0)).wholeUtcHours()));
        // only the availability rule counts, so the time-zone spread does not prefer Berliners together
        return new CirclesProblem(people, meetings, 2, 2, List.of(), new CirclesSettings(0, 0, 0, null, 40), Set.of(),
                SLOTS, calendar, firstWeek);
    }

    private static PersonAvailability availability(ZoneId zone, String... slots) {
        return new PersonAvailability(zone, java.util.Arrays.stream(slots).map(WeeklySlot::parse)
                .collect(Collectors.toSet()));
    }

    private static Set<Set<String>> circles(CirclesResult result, int round) {
        return result.rounds().get(round).stream().map(Set::copyOf).collect(Collectors.toSet());
    }
}
