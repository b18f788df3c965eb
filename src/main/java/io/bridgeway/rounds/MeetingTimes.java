package io.bridgeway.rounds;

import io.bridgeway.matching.WeeklySlot;
import io.bridgeway.matching.circles.domain.MeetingCalendar;
import io.bridgeway.matching.circles.time.WeeklyAvailability;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Turns weekly meeting hours (UTC minute of the week) into dated meetings. */
public final class MeetingTimes {

    private MeetingTimes() {
    }

    /** The instant in the 7 days from {@code weekStart} (a UTC date) at this UTC minute of the week. */
    public static Instant inWeek(LocalDate weekStart, int utcMinuteOfWeek) {
        DayOfWeek day = DayOfWeek.of(utcMinuteOfWeek / (24 * 60) + 1);
        int offsetDays = Math.floorMod(day.getValue() - weekStart.getDayOfWeek().getValue(), 7);
        return weekStart.plusDays(offsetDays).atStartOfDay().toInstant(ZoneOffset.UTC)
                .plusSeconds(60L * (utcMinuteOfWeek % (24 * 60)));
    }

    /** The week pairs start in: from the next Monday (UTC). Pair invites and the solver's free hours both use it. */
    public static LocalDate kickoffWeek() {
        return kickoffWeek(LocalDate.now(ZoneOffset.UTC));
    }

    /** The kick-off week of pairs published on {@code day} (UTC): the Monday after it. */
    public static LocalDate kickoffWeek(LocalDate day) {
        return day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /** The kick-off hour of a pair: the first hour in {@code week} that suits both, each in their own zone. */
    public static Optional<Instant> kickoff(LocalDate week, ParticipantSnapshot a, ParticipantSnapshot b) {
        return a == null || b == null ? Optional.empty()
                : firstCommonHour(week, a.availability(), a.timeZone(), b.availability(), b.timeZone());
    }

    /** When a circle of meeting {@code meetingIndex} meets: its weekly UTC hour in the first week of that meeting. */
    public static Instant circleMeeting(MeetingCalendar calendar, int meetingIndex, int utcMinuteOfWeek) {
        return inWeek(calendar.weekStarts(meetingIndex).get(0), utcMinuteOfWeek);
    }

    /** A person's local slots (MON-09) in their zone, as UTC hours of the week from {@code weekStart}. */
    public static WeeklyAvailability inUtc(Collection<String> slots, String zone, LocalDate weekStart) {
        return inUtc(slots, zone, List.of(weekStart));
    }

    /** The UTC time a person's local slots cover in every given week (see {@link WeeklyAvailability#of}). */
    public static WeeklyAvailability inUtc(Collection<String> slots, String zone, List<LocalDate> weekStarts) {
        return WeeklyAvailability.of(slots(slots), ZoneId.of(zone), weekStarts);
    }

    /** The first hour in the week from {@code weekStart} that suits two people, each in their own zone. */
    public static Optional<Instant> firstCommonHour(LocalDate weekStart, Collection<String> slotsA, String zoneA,
            Collection<String> slotsB, String zoneB) {
        WeeklyAvailability a = inUtc(slotsA, zoneA, weekStart);
        WeeklyAvailability b = inUtc(slotsB, zoneB, weekStart);
        return java.util.Arrays.stream(a.hourStarts())
                .filter(b::coversHourAt)
                .mapToObj(minute -> inWeek(weekStart, minute))
                .min(Instant::compareTo);
    }

    private static List<WeeklySlot> slots(Collection<String> codes) {
        return codes.stream().map(WeeklySlot::parse).toList();
    }
}
