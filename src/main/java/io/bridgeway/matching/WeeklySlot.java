package io.bridgeway.matching;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One hour of a person's week, in that person's own time zone: Monday 09:00-10:00 is {@code MON-09}.
 * The profile form offers working-day hours {@link #GRID_FIRST_HOUR}..{@link #GRID_LAST_HOUR}; the code
 * format also accepts any day and hour so that converted (for example UTC) slots can use the same type.
 */
public record WeeklySlot(DayOfWeek day, int hour) implements Comparable<WeeklySlot> {

    /** Usual office hours (07:00-20:00), where the demo company's availability falls. */
    public static final int FIRST_HOUR = 7;
    public static final int LAST_HOUR = 19;
    /** The form's grid, 06:00-22:00: early and late hours let people in distant zones still overlap. */
    public static final int GRID_FIRST_HOUR = 6;
    public static final int GRID_LAST_HOUR = 21;
    public static final List<DayOfWeek> WORKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    public WeeklySlot {
        if (day == null || hour < 0 || hour > 23) {
            throw new IllegalArgumentException("a weekly slot needs a day and an hour 0-23");
        }
    }

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}-\\d{2}");

    /** Parses {@code MON-09}; throws IllegalArgumentException with a readable message otherwise. */
    public static WeeklySlot parse(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a weekly slot like MON-09");
        }
        String prefix = code.substring(0, 3).toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(prefix)) {
                return new WeeklySlot(day, Integer.parseInt(code.substring(4)));
            }
        }
        throw new IllegalArgumentException("'" + code + "' names no day of the week");
    }

    public String code() {
        return String.format(Locale.ROOT, "%s-%02d", dayCode(day), hour);
    }

    /** The day part of a code: {@code MON}. */
    public static String dayCode(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    /** Hour of the week, 0 (Monday 00:00) .. 167 (Sunday 23:00). */
    public int hourOfWeek() {
        return (day.getValue() - 1) * 24 + hour;
    }

    public static WeeklySlot ofHourOfWeek(int hourOfWeek) {
        int h = Math.floorMod(hourOfWeek, 7 * 24);
        return new WeeklySlot(DayOfWeek.of(h / 24 + 1), h % 24);
    }

    /** The grid the profile form shows: every workday hour from GRID_FIRST_HOUR to GRID_LAST_HOUR. */
    public static List<WeeklySlot> workweekGrid() {
        List<WeeklySlot> grid = new ArrayList<>();
        for (DayOfWeek day : WORKDAYS) {
            for (int hour = GRID_FIRST_HOUR; hour <= GRID_LAST_HOUR; hour++) {
                grid.add(new WeeklySlot(day, hour));
            }
        }
        return grid;
    }

    @Override
    public int compareTo(WeeklySlot other) {
        return Integer.compare(hourOfWeek(), other.hourOfWeek());
    }

    @Override
    public String toString() {
        return code();
    }
}
