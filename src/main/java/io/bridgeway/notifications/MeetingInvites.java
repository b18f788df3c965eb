package io.bridgeway.notifications;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Builds iCalendar invitations (METHOD:REQUEST) for matched meetings: one VEVENT per meeting, times
 * in UTC so every calendar client shows them in its own zone. Pure Java over ical4j, no Quarkus.
 */
public final class MeetingInvites {

    public static final String PRODUCT_ID = "-//Bridgeway//EN";

    /** One participant; {@code name} becomes the CN shown by calendar clients. */
    public record Attendee(String email, String name) {
        public Attendee {
            Objects.requireNonNull(email, "email");
        }
    }

    /**
     * One meeting. {@code uid} must be stable for the same (round, pair/circle, date) so a re-sent
     * invite updates the event instead of duplicating it: see {@link #uid}.
     */
    public record Meeting(String uid, String summary, String description, Instant start, Duration duration,
            List<Attendee> attendees) {
        public Meeting {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive");
            }
            attendees = List.copyOf(attendees);
        }

        public Meeting(String uid, String summary, String description, ZonedDateTime start, Duration duration,
                List<Attendee> attendees) {
            this(uid, summary, description, start.toInstant(), duration, attendees);
        }
    }

    private MeetingInvites() {
    }

    /** A stable UID, e.g. {@code round-7-circle-3-2027-02-01@bridgeway}; {@code group} names the pair or circle. */
    public static String uid(long roundId, String group, LocalDate date) {
        return "round-" + roundId + "-" + group.replaceAll("[^A-Za-z0-9-]", "-") + "-" + date + "@bridgeway";
    }

    /** The .ics text for {@code meetings}, organised by {@code organizerEmail}. */
    public static String calendar(String organizerEmail, List<Meeting> meetings) {
        return calendar(organizerEmail, meetings, Instant.now());
    }

    /** As {@link #calendar(String, List)} with a fixed DTSTAMP, for reproducible output. */
    public static String calendar(String organizerEmail, List<Meeting> meetings, Instant stamp) {
        return calendar(organizerEmail, meetings, stamp, ImmutableMethod.REQUEST);
    }

    /**
     * The same events as a published calendar (METHOD:PUBLISH): a download or subscription feed shows them
     * instead of asking the reader to reply to an invitation.
     */
    public static String published(String organizerEmail, List<Meeting> meetings) {
        return calendar(organizerEmail, meetings, Instant.now(), ImmutableMethod.PUBLISH);
    }

    private static String calendar(String organizerEmail, List<Meeting> meetings, Instant stamp,
            net.fortuna.ical4j.model.property.Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        for (Meeting meeting : meetings) {
            calendar.add(event(organizerEmail, meeting, stamp));
        }
        return calendar.toString();
    }

    /**
     * Writes a published calendar (METHOD:PUBLISH, for import rather than reply) one event at a time, so
     * a whole round's meetings never sit in memory together. Lines are folded as RFC 5545 asks.
     */
    public static final class CalendarWriter implements Closeable {

        private final Writer out;
        private final String organizerEmail;
        private final Instant stamp;

        public CalendarWriter(Writer out, String organizerEmail, Instant stamp) throws IOException {
            this.out = new FoldingWriter(out);
            this.organizerEmail = organizerEmail;
            this.stamp = stamp;
            this.out.write("BEGIN:VCALENDAR\r\n");
            for (Property property : List.of(new ProdId(PRODUCT_ID), ImmutableVersion.VERSION_2_0,
                    ImmutableCalScale.GREGORIAN, ImmutableMethod.PUBLISH)) {
                this.out.write(property.toString());
            }
        }

        public void add(Meeting meeting) throws IOException {
            out.write(event(organizerEmail, meeting, stamp).toString());
        }

        @Override
        public void close() throws IOException {
            out.write("END:VCALENDAR\r\n");
            out.flush();
        }
    }

    private static VEvent event(String organizerEmail, Meeting meeting, Instant stamp) {
        VEvent event = new VEvent(meeting.start(), meeting.start().plus(meeting.duration()),
                meeting.summary() == null ? "" : oneKindOfLineBreak(meeting.summary()));
        event.add(new Uid(meeting.uid()));
        event.replace(new DtStamp(stamp)); // the constructor stamped it with now; RFC 5545 allows one
        if (meeting.description() != null && !meeting.description().isBlank()) {
            event.add(new Description(oneKindOfLineBreak(meeting.description())));
        }
        event.add(new Organizer(new ParameterList(List.of(new Cn("Bridgeway"))), mailto(organizerEmail)));
        for (Attendee attendee : meeting.attendees()) {
            List<Parameter> params = new ArrayList<>();
            if (attendee.name() != null && !attendee.name().isBlank()) {
                params.add(new QuotedCn(attendee.name()));
            }
            params.add(Role.REQ_PARTICIPANT);
            params.add(PartStat.NEEDS_ACTION);
            params.add(Rsvp.TRUE);
            event.add(new net.fortuna.ical4j.model.property.Attendee(new ParameterList(params),
                    mailto(attendee.email())));
        }
        return event;
    }

    /**
     * A CN always written as a quoted string (RFC 5545 allows both forms). Unquoted, a name starting with "="
     * makes ical4j's parser, and so the whole calendar, fail; quotes also keep ':', ';' and ',' in names safe.
     */
    private static final class QuotedCn extends Parameter {
        private final String value;

        QuotedCn(String name) {
            super(Parameter.CN);
            // RFC 6868 caret encoding for the characters a quoted string cannot hold
            this.value = "\"" + oneKindOfLineBreak(name.replace("^", "^^").replace("\"", "^'")).replace("\n", "^n")
                    + "\"";
        }

        @Override
        public String getValue() {
            return value;
        }
    }

    /**
     * {@code text} with every CR LF and lone CR as LF, which ical4j escapes as \n. It writes a lone CR as it is,
     * and a calendar reader takes that as the end of the line: a stored name could then add forged properties or
     * whole events to other people's calendars.
     */
    static String oneKindOfLineBreak(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static URI mailto(String email) {
        try {
            return new URI("mailto", email.strip(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable email address: " + email, e);
        }
    }
}
