package io.bridgeway.matching.circles.solver;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.MeetingBlock;
import io.bridgeway.matching.circles.domain.PersonAvailability;
import io.bridgeway.matching.circles.time.UtcWeekTimes;
import io.bridgeway.matching.circles.time.WeeklyAvailability;

/**
 * Picks each circle's weekly hour after the circles are fixed: every candidate start (on a 15-minute UTC
 * grid) is tried, so the choice is exact for the given circles. People without availability data are
 * treated as flexible (free at any hour); with a calendar a UTC hour counts if the local slots cover it in
 * every meeting week of the round (DST-safe), without one the profile's UTC offset is used.
 */
public final class MeetingTimePlanner {

    private MeetingTimePlanner() {
    }

    public static List<MeetingBlock> plan(CirclesProblem problem, List<List<List<String>>> rounds) {
        if (problem.availability().isEmpty() && problem.freeUtcHours().isEmpty()) {
            return List.of();
        }
        List<MeetingBlock> blocks = new ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            RoundHours hours = new RoundHours(problem, r);
            for (int c = 0; c < rounds.get(r).size(); c++) {
                blocks.add(hours.plan(c, rounds.get(r).get(c)));
            }
        }
        return blocks;
    }

    /**
     * The free hours of everyone with availability in one meeting round (0-based), so that circles of that round
     * can be planned one at a time, for example to check a change of seats before keeping it.
     */
    public static final class RoundHours {

        private final CirclesProblem problem;
        private final int round;
        private final Map<String, PersonProfile> people = new LinkedHashMap<>();
        private final Map<String, WeeklyAvailability> free = new LinkedHashMap<>();
        private final Map<String, Set<Integer>> freeUtcHours;
        private final List<LocalDate> weeks;

        public RoundHours(CirclesProblem problem, int round) {
            this.problem = problem;
            this.round = round;
            problem.people().forEach(p -> people.put(p.id(), p));
            weeks = problem.calendar() == null ? null : problem.calendar().weekStarts(round);
            freeUtcHours = problem.freeUtcHoursInRound(round);
            problem.availability().forEach((id, availability) -> free.put(id, weeks == null
                    ? WeeklyAvailability.ofFixedOffset(availability.slots(), people.get(id).utcOffsetMinutes())
                    : WeeklyAvailability.of(availability.slots(), availability.zone(), weeks)));
        }

        /** The hour of one circle (index from 0) with these members: the one most of them can make. */
        public MeetingBlock plan(int circle, List<String> ids) {
            if (!freeUtcHours.isEmpty()) {
                return planAtBestCommonHour(circle, ids);
            }
            TreeSet<Integer> candidates = new TreeSet<>();
            for (String id : ids) {
                if (free.containsKey(id)) {
                    for (int start : free.get(id).hourStarts()) {
                        candidates.add(start);
                    }
                }
            }
            int bestStart = -1;
            List<String> bestAttendees = List.of();
            for (int start : candidates) {
                List<String> attendees = ids.stream()
                        .filter(id -> !free.containsKey(id) || free.get(id).coversHourAt(start)).toList();
                if (attendees.size() > bestAttendees.size()) {
                    bestStart = start;
                    bestAttendees = attendees;
                }
            }
            List<String> attendees = bestAttendees;
            List<String> cannot = ids.stream().filter(id -> !attendees.contains(id)).toList();
            Map<String, String> local = new LinkedHashMap<>();
            if (bestStart >= 0) {
                for (String id : ids) {
                    PersonAvailability availability = problem.availability().get(id);
                    local.put(id, localStart(bestStart, availability == null ? null : availability.zone(),
                            people.get(id).utcOffsetMinutes(), weeks));
                }
            }
            return new MeetingBlock(round + 1, circle + 1, bestStart,
                    bestStart < 0 ? "no common hour" : UtcWeekTimes.formatUtc(bestStart), local, attendees, cannot);
        }

        /**
         * With MODEL.md free hours the circle meets at its best common hour, the hour the search optimised
         * ({@link CircleRules#bestCommonHour}) with the free hours of this round's weeks; members without free
         * hours are free at every hour.
         */
        private MeetingBlock planAtBestCommonHour(int circle, List<String> ids) {
            int hour = CircleRules.bestCommonHourOf(ids.stream().map(freeUtcHours::get).toList());
            if (hour < 0) { // nobody in the circle gave free hours: no hour to prefer, as without free hours
                return new MeetingBlock(round + 1, circle + 1, -1, "no common hour", Map.of(), ids, List.of());
            }
            int start = hour * 60;
            List<String> attendees = ids.stream().filter(id -> canMeetAt(id, start / 60)).toList();
            List<String> cannot = ids.stream().filter(id -> !canMeetAt(id, start / 60)).toList();
            Map<String, String> local = new LinkedHashMap<>();
            for (String id : ids) {
                PersonAvailability availability = problem.availability().get(id);
                local.put(id, localStart(start, availability == null ? null : availability.zone(),
                        people.get(id).utcOffsetMinutes(), weeks));
            }
            return new MeetingBlock(round + 1, circle + 1, start, UtcWeekTimes.formatUtc(start), local, attendees,
                    cannot);
        }

        private boolean canMeetAt(String id, int utcHourOfWeek) {
            Set<Integer> hours = freeUtcHours.get(id);
            return hours == null || hours.contains(utcHourOfWeek);
        }
    }

    /** The local start of a UTC minute of the week, in the zone (at the round's first meeting) or at the offset. */
    static String localStart(int utcMinuteOfWeek, ZoneId zone, int utcOffsetMinutes, List<LocalDate> weeks) {
        LocalDateTime local;
        LocalDateTime utcMonday = LocalDate.of(2024, 1, 1).atStartOfDay(); // a Monday
        if (zone != null && weeks != null) {
            LocalDate weekStart = weeks.get(0);
            LocalDateTime utc = utcMonday.plusMinutes(utcMinuteOfWeek);
            LocalDate date = weekStart.with(TemporalAdjusters.nextOrSame(utc.getDayOfWeek()));
            local = ZonedDateTime.of(date.atTime(utc.toLocalTime()), ZoneOffset.UTC)
                    .withZoneSameInstant(zone).toLocalDateTime();
        } else {
            local = utcMonday.plusMinutes(utcMinuteOfWeek + utcOffsetMinutes);
        }
        String day = local.getDayOfWeek().name().substring(0, 3);
        return local.getMinute() == 0
                ? String.format(Locale.ROOT, "%s-%02d", day, local.getHour())
                : String.format(Locale.ROOT, "%s-%02d:%02d", day, local.getHour(), local.getMinute());
    }
}
