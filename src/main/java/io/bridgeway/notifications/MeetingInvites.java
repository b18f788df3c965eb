package io.bridgeway.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** Calendar invites (RFC 5545, through ical4j): one VEVENT per meeting, times in UTC. */
public final class MeetingInvites {

    public static final String ORGANIZER = "mailto:bridgeway@bridgeway.local";

    public record Attendee(String email, String name) {
    }

    /** One meeting; {@code uid} must stay the same when the same meeting is sent again. */
    public record Meeting(String uid, String summary, String description, Instant start, Duration duration,
            List<Attendee> attendees) {
    }

    private MeetingInvites() {
    }

    /** A METHOD:REQUEST calendar with the meetings, as .ics text. */
    public static String invite(List<Meeting> meetings) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Bridgeway//Bridgeway mentoring//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(Method.VALUE_REQUEST));
        for (Meeting meeting : meetings) {
            VEvent event = new VEvent(meeting.start(), meeting.duration(), meeting.summary());
            event.add(new Uid(meeting.uid()));
            event.add(new Description(meeting.description()));
            event.add(new Organizer(URI.create(ORGANIZER)));
            for (Attendee person : meeting.attendees()) {
                net.fortuna.ical4j.model.property.Attendee attendee =
                        new net.fortuna.ical4j.model.property.Attendee(URI.create("mailto:" + person.email()));
                attendee.add(new Cn(person.name()));
                attendee.add(Role.REQ_PARTICIPANT);
                event.add(attendee);
            }
            calendar.add(event);
        }
        return calendar.toString();
    }
}
