package io.bridgeway.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A circle schedule whose meetings a calendar file cannot hold, or that starts implausibly far ahead, is refused. */
class CircleScheduleTest {

    @Test
    void theLastMeetingMustFallInTheYear9999AtTheLatest() {
        LocalDate today = LocalDate.of(9995, 1, 1); // so that the horizon is not what refuses
        Optional<String> tooLate = ProgramSettings.circleScheduleProblem(LocalDate.of(9999, 12, 27), 12, 12, today);
        assertTrue(tooLate.orElseThrow().contains("after the year 9999"), tooLate.get());
        // 11 × 12 weeks after 9997-06-01 is 9999-12-13: that week ends in 9999
        assertEquals(Optional.empty(), ProgramSettings.circleScheduleProblem(LocalDate.of(9997, 6, 1), 12, 12, today));
        // the last meeting can be on any day of its week: the week from 9999-12-26 may reach 10000-01-01
        assertEquals(Optional.empty(), ProgramSettings.circleScheduleProblem(LocalDate.of(9999, 12, 25), 1, 4, today));
        assertTrue(ProgramSettings.circleScheduleProblem(LocalDate.of(9999, 12, 26), 1, 4, today).isPresent());
    }

    @Test
    void theFirstMeetingIsAtMostTenYearsAhead() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertEquals(Optional.empty(), ProgramSettings.circleScheduleProblem(LocalDate.of(2036, 12, 2), 12, 12, today));
        Optional<String> far = ProgramSettings.circleScheduleProblem(LocalDate.of(2036, 12, 3), 1, 1, today);
        assertTrue(far.orElseThrow().contains("at most 10 years ahead"), far.get());
        assertEquals(Optional.empty(), ProgramSettings.circleScheduleProblem(LocalDate.of(2020, 1, 6), 12, 12, today),
                "a programme that started long ago can still be edited");
    }
}
