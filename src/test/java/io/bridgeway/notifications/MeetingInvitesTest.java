package io.bridgeway.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.MeetingInvites.Attendee;
import io.bridgeway.notifications.MeetingInvites.Meeting;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class MeetingInvitesTest {

    static final Instant STAMP = Instant.parse("2027-01-15T08:00:00Z");

    static List<Meeting> meetings() {
        List<Attendee> circle = List.of(new Attendee("ana@example.com", "Ana Lima"),
                new Attendee("ben@example.com", "Ben O'Neil, Jr."), new Attendee("chen@example.com", null));
        return List.of(
                new Meeting(MeetingInvites.uid(7, "circle-3", LocalDate.of(2027, 2, 1)), "Peer circle, round 1",
                        "You share an interest in public speaking; three departments, one time zone band.",
                        ZonedDateTime.of(2027, 2, 1, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")), Duration.ofMinutes(45),
                        circle),
                new Meeting(MeetingInvites.uid(7, "circle-3", LocalDate.of(2027, 3, 1)), "Peer circle, round 2",
                        "Second meeting.", Instant.parse("2027-03-01T09:00:00Z"), Duration.ofHours(1), circle));
    }

    @Test
    void parsesBackWithOneUtcEventPerMeetingAndItsAttendees() throws Exception {
        String ics = MeetingInvites.calendar("bridgeway@bridgeway.local", meetings(), STAMP);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));

        assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals(MeetingInvites.PRODUCT_ID, calendar.getProperty(Property.PRODID).orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());

        VEvent first = events.get(0);
        // 10:00 in Berlin (winter, UTC+1) is 09:00 UTC.
        assertEquals("20270201T090000Z", first.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertEquals("20270201T094500Z", first.getProperty(Property.DTEND).orElseThrow().getValue());
        assertEquals("round-7-circle-3-2027-02-01@bridgeway", first.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("Peer circle, round 1", first.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertTrue(first.getProperty(Property.DESCRIPTION).orElseThrow().getValue().contains("public speaking"));
        assertEquals("mailto:bridgeway@bridgeway.local", first.getProperty(Property.ORGANIZER).orElseThrow().getValue());

        List<Property> attendees = first.getProperties(Property.ATTENDEE);
        assertEquals(List.of("mailto:ana@example.com", "mailto:ben@example.com", "mailto:chen@example.com"),
                attendees.stream().map(Property::getValue).toList());
        assertEquals("Ben O'Neil, Jr.", attendees.get(1).getParameter("CN").orElseThrow().getValue());
        assertTrue(attendees.get(2).getParameter("CN").isEmpty());

        assertEquals("20270301T090000Z", events.get(1).getProperty(Property.DTSTART).orElseThrow().getValue());
    }

    @Test
    void sameInputGivesTheSameTextAndUidsAreStable() {
        assertEquals(MeetingInvites.calendar("o@example.com", meetings(), STAMP),
                MeetingInvites.calendar("o@example.com", meetings(), STAMP));
        assertEquals("round-3-pair-4-9-2027-02-01@bridgeway", MeetingInvites.uid(3, "pair 4/9", LocalDate.of(2027, 2, 1)));
    }

    @Test
    void emptyMeetingListStillParses() throws Exception {
        String ics = MeetingInvites.calendar("o@example.com", List.of(), STAMP);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR"));
        assertEquals(0, new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT").size());
    }

    @Test
    void namesWithFormulaSignsQuotesAndCaretsParseBackUnchanged() throws Exception {
        List<String> names = List.of("=cmd|' /C calc'!A0", "Dana \"DJ\" Lee", "Eve ^ Smith: lead; ops");
        List<Attendee> people = names.stream().map(n -> new Attendee("x" + n.length() + "@example.com", n)).toList();
        String ics = MeetingInvites.calendar("o@example.com", List.of(new Meeting("u1@bridgeway", "Kick-off", null,
                Instant.parse("2027-02-01T09:00:00Z"), Duration.ofHours(1), people)), STAMP);
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").get(0);
        assertEquals(names, event.<Property>getProperties(Property.ATTENDEE).stream()
                .map(a -> a.getParameter("CN").orElseThrow().getValue()).toList());
    }

    @Test
    void theCalendarWriterStreamsAPublishedCalendarWithFoldedLines() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        try (var writer = new MeetingInvites.CalendarWriter(out, "o@example.com", STAMP)) {
            for (Meeting meeting : meetings()) {
                writer.add(meeting);
            }
        }
        String ics = out.toString();
        assertTrue(ics.lines().allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75),
                "RFC 5545 folds lines at 75 octets");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertEquals("PUBLISH", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        assertEquals(meetings().get(0).description(), events.get(0).getProperty(Property.DESCRIPTION).orElseThrow().getValue());
        assertEquals("round-7-circle-3-2027-03-01@bridgeway", events.get(1).getProperty(Property.UID).orElseThrow().getValue());
    }

    /** A name stored before names were checked: a lone CR would end the property line and start a forged event. */
    static final String INJECTED = "K\rEND:VEVENT\rBEGIN:VEVENT\rDTSTART:20261203T090000Z\rUID:x\rSUMMARY:HR: urgent"
            + "\rURL:https://evil.example\rX-A:";

    @Test
    void carriageReturnsInTextsCannotAddEvents() throws Exception {
        Meeting meeting = new Meeting("u1@bridgeway", "Mentoring kick-off: " + INJECTED + " and Ana",
                "Your peer circle: " + INJECTED + ", Ana\r\nsecond line", Instant.parse("2027-02-01T09:00:00Z"),
                Duration.ofHours(1), List.of(new Attendee("k@example.com", INJECTED)));
        for (String ics : List.of(MeetingInvites.calendar("o@example.com", List.of(meeting), STAMP),
                MeetingInvites.published("o@example.com", List.of(meeting)), written(List.of(meeting)))) {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            List<VEvent> events = calendar.getComponents("VEVENT");
            assertEquals(1, events.size(), ics);
            VEvent event = events.get(0);
            assertTrue(event.getProperty(Property.URL).isEmpty());
            assertEquals("u1@bridgeway", event.getProperty(Property.UID).orElseThrow().getValue());
            // the text survives, its line breaks as plain new lines
            assertEquals("Mentoring kick-off: " + INJECTED.replace('\r', '\n') + " and Ana",
                    event.getProperty(Property.SUMMARY).orElseThrow().getValue());
            assertEquals("Your peer circle: " + INJECTED.replace('\r', '\n') + ", Ana\nsecond line",
                    event.getProperty(Property.DESCRIPTION).orElseThrow().getValue());
        }
    }

    @Test
    void everyEventHasOneDtstampTheGivenOne() throws Exception {
        for (String ics : List.of(MeetingInvites.calendar("o@example.com", meetings(), STAMP), written(meetings()))) {
            List<VEvent> events = new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
            assertEquals(2, events.size());
            for (VEvent event : events) {
                List<Property> stamps = event.getProperties(Property.DTSTAMP);
                assertEquals(1, stamps.size(), ics);
                assertEquals("20270115T080000Z", stamps.get(0).getValue());
            }
        }
        String published = MeetingInvites.published("o@example.com", meetings());
        for (VEvent event : new CalendarBuilder().build(new StringReader(published)).<VEvent>getComponents("VEVENT")) {
            assertEquals(1, event.getProperties(Property.DTSTAMP).size(), published);
        }
    }

    private static String written(List<Meeting> meetings) throws java.io.IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        try (var writer = new MeetingInvites.CalendarWriter(out, "o@example.com", STAMP)) {
            for (Meeting meeting : meetings) {
                writer.add(meeting);
            }
        }
        return out.toString();
    }
}
