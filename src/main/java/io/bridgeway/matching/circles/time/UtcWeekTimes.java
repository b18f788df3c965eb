package io.bridgeway.matching.circles.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import io.bridgeway.matching.WeeklySlot;

/**
 * Converts a person's local weekly hour to a UTC minute of the week (0 = Monday 00:00 UTC .. 10079).
 * Minutes, not hours, because some zones are off the hour (India +05:30, Nepal +05:45).
 */
public final class UtcWeekTimes {

    public static final int MINUTES_PER_WEEK = 7 * 24 * 60;

    private UtcWeekTimes() {
    }

    /**
     * The UTC minute of the week at which the local slot starts, when it starts at the same UTC minute of
     * the week in every given week; empty when a daylight-saving change inside the range moves it, or the
     * local hour does not exist on one of the dates (spring-forward gap). In the autumn overlap the earlier
     * offset is used (the first occurrence of the hour).
     */
    public static OptionalInt utcMinuteOfWeek(WeeklySlot slot, ZoneId zone, List<LocalDate> weekStarts) {
        Integer result = null;
        for (LocalDate weekStart : weekStarts) {
            LocalDate date = weekStart.with(TemporalAdjusters.nextOrSame(slot.day()));
            LocalDateTime local = LocalDateTime.of(date, LocalTime.of(slot.hour(), 0));
            if (zone.getRules().getValidOffsets(local).isEmpty()) {
                return OptionalInt.empty();
            }
            int minute = minuteOfWeek(ZonedDateTime.ofLocal(local, zone, null)
                    .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
            if (result != null && result != minute) {
                return OptionalInt.empty();
            }
            result = minute;
        }
        return result == null ? OptionalInt.empty() : OptionalInt.of(result);
    }

    /** The same conversion with a fixed UTC offset (no calendar known): always defined. */
    public static int utcMinuteOfWeek(WeeklySlot slot, int utcOffsetMinutes) {
        return Math.floorMod(slot.hourOfWeek() * 60 - utcOffsetMinutes, MINUTES_PER_WEEK);
    }

    public static int minuteOfWeek(LocalDateTime utc) {
        return (utc.getDayOfWeek().getValue() - 1) * 24 * 60 + utc.getHour() * 60 + utc.getMinute();
    }

    /** "MON 14:30 UTC". */
    public static String formatUtc(int minuteOfWeek) {
        int m = Math.floorMod(minuteOfWeek, MINUTES_PER_WEEK);
        DayOfWeek day = DayOfWeek.of(m / (24 * 60) + 1);
        return String.format(Locale.ROOT, "%s %02d:%02d UTC", day.name().substring(0, 3),
                (m / 60) % 24, m % 60);
    }
}
