package io.bridgeway.matching.circles.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import io.bridgeway.matching.WeeklySlot;

import org.junit.jupiter.api.Test;

class UtcWeekTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    // 2026: US clocks go forward on 8 March, EU clocks on 29 March, Sydney's go back on 5 April
    private static final LocalDate WEEK_OF_MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate WEEK_OF_MARCH_9 = LocalDate.of(2026, 3, 9);
    private static final LocalDate WEEK_OF_APRIL_6 = LocalDate.of(2026, 4, 6);

    private static int utc(String slot, ZoneId zone, LocalDate... weeks) {
        return UtcWeekTimes.utcMinuteOfWeek(WeeklySlot.parse(slot), zone, List.of(weeks)).orElseThrow();
    }

    @Test
    void berlinAndNewYorkMeetAtTheSameUtcHourBeforeTheUsSwitch() {
        assertEquals(14 * 60, utc("MON-15", BERLIN, WEEK_OF_MARCH_2)); // CET, UTC+1
        assertEquals(14 * 60, utc("MON-09", NEW_YORK, WEEK_OF_MARCH_2)); // EST, UTC-5
    }

    @Test
    void inTheGapBetweenUsAndEuSwitchesNewYorkIsOneHourEarlierInUtc() {
        assertEquals(14 * 60, utc("MON-15", BERLIN, WEEK_OF_MARCH_9)); // still CET
        assertEquals(13 * 60, utc("MON-09", NEW_YORK, WEEK_OF_MARCH_9)); // EDT, UTC-4
    }

    @Test
    void aSlotThatMovesInUtcInsideTheRoundIsNotUsable() {
        OptionalInt acrossSwitch = UtcWeekTimes.utcMinuteOfWeek(WeeklySlot.parse("MON-09"), NEW_YORK,
                List.of(WEEK_OF_MARCH_2, WEEK_OF_MARCH_9));
        assertFalse(acrossSwitch.isPresent());
        assertTrue(UtcWeekTimes.utcMinuteOfWeek(WeeklySlot.parse("MON-15"), BERLIN,
                List.of(WEEK_OF_MARCH_2, WEEK_OF_MARCH_9)).isPresent());
    }

    @Test
    void theSpringForwardHourDoesNotExist() {
        // Sunday 8 March 2026 02:00 does not exist in New York
        assertFalse(UtcWeekTimes.utcMinuteOfWeek(WeeklySlot.parse("SUN-02"), NEW_YORK, List.of(WEEK_OF_MARCH_2))
                .isPresent());
    }

    @Test
    void sydneyIsSouthernHemisphereAndWrapsToTheDayBefore() {
        // Monday 08:00 AEDT (UTC+11) is Sunday 21:00 UTC; after 5 April AEST (UTC+10) it is Sunday 22:00 UTC
        assertEquals(6 * 24 * 60 + 21 * 60, utc("MON-08", SYDNEY, WEEK_OF_MARCH_2));
        assertEquals(6 * 24 * 60 + 22 * 60, utc("MON-08", SYDNEY, WEEK_OF_APRIL_6));
        assertEquals("SUN 21:00 UTC", UtcWeekTimes.formatUtc(utc("MON-08", SYDNEY, WEEK_OF_MARCH_2)));
    }

    @Test
    void indiaHasNoDstAndAHalfHourOffset() {
        assertEquals(3 * 60 + 30, utc("MON-09", KOLKATA, WEEK_OF_MARCH_2, WEEK_OF_MARCH_9, WEEK_OF_APRIL_6));
        assertEquals("MON 03:30 UTC", UtcWeekTimes.formatUtc(3 * 60 + 30));
    }

    @Test
    void fixedOffsetConversion() {
        assertEquals(3 * 60 + 30, UtcWeekTimes.utcMinuteOfWeek(WeeklySlot.parse("MON-09"), 330));
        assertEquals(UtcWeekTimes.MINUTES_PER_WEEK - 60, UtcWeekTimes.utcMinuteOfWeek(WeeklySlot.parse("MON-00"), 60));
    }

    @Test
    void availabilityCoversWholeHoursOnAQuarterGrid() {
        WeeklyAvailability india = WeeklyAvailability.of(Set.of(WeeklySlot.parse("MON-09"), WeeklySlot.parse("MON-10")),
                KOLKATA, List.of(WEEK_OF_MARCH_2));
        assertTrue(india.coversHourAt(3 * 60 + 30));
        assertTrue(india.coversHourAt(4 * 60)); // 09:30-10:30 IST lies inside 09:00-11:00
        assertFalse(india.coversHourAt(5 * 60));
    }

    @Test
    void acrossAChangeInsideTheRoundTheUtcHoursCoveredInEveryWeekStay() {
        // New York 09:00-12:00: 14-17 UTC before 8 March, 13-16 UTC after; 14-16 UTC suit every week
        Set<WeeklySlot> morning = Set.of(WeeklySlot.parse("MON-09"), WeeklySlot.parse("MON-10"),
                WeeklySlot.parse("MON-11"));
        assertEquals(Set.of(14, 15), WeeklyAvailability.of(morning, NEW_YORK, List.of(WEEK_OF_MARCH_2, WEEK_OF_MARCH_9))
                .wholeUtcHours());
        assertEquals(Set.of(14, 15, 16), WeeklyAvailability.of(morning, NEW_YORK, List.of(WEEK_OF_MARCH_2))
                .wholeUtcHours());
        // a single hour moves entirely: no UTC hour suits both weeks
        assertTrue(WeeklyAvailability.of(Set.of(WeeklySlot.parse("MON-09")), NEW_YORK,
                List.of(WEEK_OF_MARCH_2, WEEK_OF_MARCH_9)).isEmpty());
    }
}
