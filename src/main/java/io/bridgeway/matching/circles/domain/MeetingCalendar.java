package io.bridgeway.matching.circles.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When the rounds take place: round r (from 0) covers the {@code weeksPerRound} weeks starting on
 * {@code startDate + r * weeksPerRound} weeks; a circle meets once in each of those weeks.
 * A week runs from its start date for 7 days, so a slot's weekday falls on exactly one date per week.
 */
public record MeetingCalendar(LocalDate startDate, int weeksPerRound) {

    public MeetingCalendar {
        if (startDate == null) {
            throw new IllegalArgumentException("a meeting calendar needs a start date");
        }
        if (weeksPerRound < 1 || weeksPerRound > 52) {
            throw new IllegalArgumentException("weeksPerRound must be 1..52, not " + weeksPerRound);
        }
    }

    /** The first day of each meeting week of a round. */
    public List<LocalDate> weekStarts(int round) {
        List<LocalDate> starts = new ArrayList<>();
        for (int w = 0; w < weeksPerRound; w++) {
            starts.add(startDate.plusWeeks((long) round * weeksPerRound + w));
        }
        return starts;
    }
}
