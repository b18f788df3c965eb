package io.bridgeway.matching.circles.time;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.bridgeway.matching.WeeklySlot;

/** The minutes of a UTC week a person can meet, on a 15-minute grid (covers every real zone offset). */
public final class WeeklyAvailability {

    public static final int QUARTER = 15;
    private static final int QUARTERS = UtcWeekTimes.MINUTES_PER_WEEK / QUARTER;

    private final BitSet quarters = new BitSet(QUARTERS);

    /**
     * The UTC time the local slots cover in every given week. Across a daylight-saving change the hours covered
     * both before and after it stay: New York's 09-12 is 14-17 UTC in winter and 13-16 in summer, so 14-16 UTC.
     */
    public static WeeklyAvailability of(Collection<WeeklySlot> slots, ZoneId zone, List<LocalDate> weekStarts) {
        WeeklyAvailability everyWeek = null;
        for (LocalDate weekStart : weekStarts) {
            WeeklyAvailability week = new WeeklyAvailability();
            for (WeeklySlot slot : slots) {
                UtcWeekTimes.utcMinuteOfWeek(slot, zone, List.of(weekStart)).ifPresent(week::addHour);
            }
            if (everyWeek == null) {
                everyWeek = week;
            } else {
                everyWeek.quarters.and(week.quarters);
            }
        }
        return everyWeek == null ? new WeeklyAvailability() : everyWeek;
    }

    /** Local slots at a fixed offset, when no calendar is known. */
    public static WeeklyAvailability ofFixedOffset(Collection<WeeklySlot> slots, int utcOffsetMinutes) {
        WeeklyAvailability availability = new WeeklyAvailability();
        for (WeeklySlot slot : slots) {
            availability.addHour(UtcWeekTimes.utcMinuteOfWeek(slot, utcOffsetMinutes));
        }
        return availability;
    }

    private void addHour(int utcStartMinute) {
        for (int q = 0; q < 60 / QUARTER; q++) {
            quarters.set(Math.floorMod(utcStartMinute / QUARTER + q, QUARTERS));
        }
    }

    /** Whether the whole hour starting at this UTC minute of the week (a multiple of 15) is free. */
    public boolean coversHourAt(int utcStartMinute) {
        for (int q = 0; q < 60 / QUARTER; q++) {
            if (!quarters.get(Math.floorMod(utcStartMinute / QUARTER + q, QUARTERS))) {
                return false;
            }
        }
        return true;
    }

    /** Start minutes (UTC, multiples of 15) at which some free hour begins. */
    public int[] hourStarts() {
        return quarters.stream().filter(q -> coversHourAt(q * QUARTER)).map(q -> q * QUARTER).toArray();
    }

    /**
     * The whole UTC hours of the week (0..167) that are free from start to end, as the circles core counts
     * them: a zone off the hour (India +05:30) gives a whole hour only where two of its local slots meet.
     */
    public Set<Integer> wholeUtcHours() {
        Set<Integer> hours = new TreeSet<>();
        for (int hour = 0; hour < UtcWeekTimes.MINUTES_PER_WEEK / 60; hour++) {
            if (coversHourAt(hour * 60)) {
                hours.add(hour);
            }
        }
        return hours;
    }

    public boolean isEmpty() {
        return quarters.isEmpty();
    }
}
