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
        if (pair.mentor == null || pair.mentee == null) {
            return Optional.empty();
        }
        return MeetingTimes.kickoff(week, mentor, mentee).map(at -> kickoff(round.id, pair, round.program.name, week, at));
    }

    /** A pair's kick-off meeting at {@code start} (the mails' invite, "My mentoring" and the round's calendar export). */
    public static MeetingInvites.Meeting kickoff(long roundId, RoundPair pair, String program, LocalDate week,
            Instant start) {
        return new MeetingInvites.Meeting(MeetingInvites.uid(roundId, "pair-" + pair.id, week),
                "Mentoring kick-off: " + pair.mentor.fullName + " and " + pair.mentee.fullName,
                "First meeting of your " + program + " mentoring pair, at an hour both of you marked as free.",
                start, LENGTH, List.of(attendee(pair.mentor), attendee(pair.mentee)));
    }

    /** The circle's meeting, once published with an hour; former employees are left out of the attendees. */
    public static Optional<MeetingInvites.Meeting> circleMeeting(MatchingRound round, RoundCircle circle) {
        if (circle.meetingAt == null) {
            return Optional.empty();
        }
        List<Person> members = circle.members.stream().map(m -> m.person).filter(Objects::nonNull).toList();
        return Optional.of(circleMeeting(round.id, circle, round.program.name, members, circle.meetingAt));
    }

    /** A circle's meeting at {@code start} with its present members. */
    public static MeetingInvites.Meeting circleMeeting(long roundId, RoundCircle circle, String program,
            List<Person> members, Instant start) {
        return new MeetingInvites.Meeting(
                MeetingInvites.uid(roundId, "circle-" + circle.id, start.atZone(ZoneOffset.UTC).toLocalDate()),
                program + ": peer circle meeting " + (circle.meetingIndex + 1),
                "Your peer circle: " + String.join(", ", members.stream().map(p -> p.fullName).toList()),
                start, LENGTH, members.stream().map(RoundMeetings::attendee).toList());
    }

    private static MeetingInvites.Attendee attendee(Person person) {
        return new MeetingInvites.Attendee(person.email, person.fullName);
    }
}
