package io.bridgeway.rounds;

import io.bridgeway.notifications.MeetingInvites;
import io.bridgeway.people.Person;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The meetings of a published round, as the publication mail's invites carry them: a pair's kick-off at the
 * first hour both marked free in the week after publication, and every dated circle meeting. The mail,
 * "My mentoring" and the personal calendar all take them from here, so they agree (same UIDs too).
 */
public final class RoundMeetings {

    public static final Duration LENGTH = Duration.ofHours(1);

    private RoundMeetings() {
    }

    /** The week a pair's kick-off falls in: from the Monday after publication (now, while publishing). */
    public static LocalDate kickoffWeek(MatchingRound round) {
        return round.publishedAt == null ? MeetingTimes.kickoffWeek()
                : MeetingTimes.kickoffWeek(round.publishedAt.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** The pair's kick-off, when both are still employees and share a free hour that week. */
    public static Optional<MeetingInvites.Meeting> kickoff(MatchingRound round, RoundPair pair, LocalDate week,
            ParticipantSnapshot mentor, ParticipantSnapshot mentee) {
        if (pair.mentor == null || pair.mentee == null || mentor == null || mentee == null) {
            return Optional.empty();
        }
        Optional<Instant> start = MeetingTimes.firstCommonHour(week, mentor.availability(), mentor.timeZone(),
                mentee.availability(), mentee.timeZone());
        return start.map(at -> new MeetingInvites.Meeting(
                MeetingInvites.uid(round.id, "pair-" + pair.id, week),
                "Mentoring kick-off: " + pair.mentor.fullName + " and " + pair.mentee.fullName,
                "First meeting of your " + round.program.name + " mentoring pair, at an hour both of you marked as free.",
                at, LENGTH, List.of(attendee(pair.mentor), attendee(pair.mentee))));
    }

    /** The circle's meeting, once published with an hour; former employees are left out of the attendees. */
    public static Optional<MeetingInvites.Meeting> circleMeeting(MatchingRound round, RoundCircle circle) {
        if (circle.meetingAt == null) {
            return Optional.empty();
        }
        List<Person> members = circle.members.stream().map(m -> m.person).filter(Objects::nonNull).toList();
        return Optional.of(new MeetingInvites.Meeting(
                MeetingInvites.uid(round.id, "circle-" + circle.id, circle.meetingAt.atZone(ZoneOffset.UTC).toLocalDate()),
                round.program.name + ": peer circle meeting " + (circle.meetingIndex + 1),
                "Your peer circle: " + String.join(", ", members.stream().map(p -> p.fullName).toList()),
                circle.meetingAt, LENGTH, members.stream().map(RoundMeetings::attendee).toList()));
    }

    private static MeetingInvites.Attendee attendee(Person person) {
        return new MeetingInvites.Attendee(person.email, person.fullName);
    }
}
