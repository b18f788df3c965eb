package io.bridgeway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An unexpected error logs the request path: a calendar feed's secret token must not reach the log with it. */
class LoggablePathTest {

    @Test
    void aCalendarFeedTokenIsMasked() {
        assertEquals("/calendar/***.ics", ErrorPages.loggablePath("/calendar/Abc-123_xyzAbc-123_xyz0.ics"));
        assertEquals("/calendar/***", ErrorPages.loggablePath("/calendar/Abc-123_xyz"), "also without the suffix");
        assertEquals("/calendar/***.ics/more", ErrorPages.loggablePath("/calendar/Abc-123_xyz.ics/more"));
        assertEquals("/Calendar/***.ics", ErrorPages.loggablePath("/Calendar/Abc-123_xyz.ics"));
    }

    @Test
    void otherPathsAreLoggedAsTheyAre() {
        assertEquals("/mentoring/calendar.ics", ErrorPages.loggablePath("/mentoring/calendar.ics"));
        assertEquals("/mentoring/calendar-feed", ErrorPages.loggablePath("/mentoring/calendar-feed"));
        assertEquals("/rounds/12/pairs/3", ErrorPages.loggablePath("/rounds/12/pairs/3"));
        assertEquals("/password/reset", ErrorPages.loggablePath("/password/reset"));
    }
}
