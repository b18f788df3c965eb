package io.bridgeway.mentoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.bridgeway.matching.PlainWords;
import io.bridgeway.notifications.MeetingInvites;
import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDeleted;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.ParticipantSnapshot;
import io.bridgeway.rounds.RoundCircle;
import io.bridgeway.rounds.RoundMeetings;
import io.bridgeway.rounds.RoundPair;
import io.bridgeway.rounds.RoundParticipant;
import io.bridgeway.rounds.RoundStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "My matches": the signed-in person's pairs (as mentor or mentee) and circles in published rounds only, never
 * drafts, with each partner's contact and local time, why they were matched in plain words, and every meeting
 * dated in the viewer's own zone. The latest published round of a programme is current, earlier ones are past.
 */
@ApplicationScoped
public class MyMatches {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** Everything the page, the home summary and the API show. */
    public record Mentoring(String zone, List<RoundMatches> current, List<RoundMatches> past) {
        @JsonIgnore
        public boolean isEmpty() {
            return current.isEmpty() && past.isEmpty();
        }
    }

    public record RoundMatches(long roundId, long programId, String program, int round, Instant publishedAt,
            List<PairMatch> pairs, List<CircleMatch> circles) {
    }

    /** A colleague as a match shows them; a former employee has a placeholder name and no contact. */
    public record Colleague(String name, String email, String department, String title, String office,
            String timeZone, String localTime, boolean former) {
    }

    /** {@code partnerRole} is what the partner is to the viewer: "mentor" or "mentee". */
    public record PairMatch(String partnerRole, Colleague partner, List<String> why, Meeting kickoff) {
    }

    public record CircleMatch(int meeting, int circle, List<Colleague> others, Meeting meets, List<String> about) {
    }

    /** A meeting in the viewer's zone: ISO-8601 with offset for machines, words for people. */
    public record Meeting(String start, String end, String when) {
    }

    /** The view and the same meetings as calendar events. */
    public record Collected(Mentoring view, List<MeetingInvites.Meeting> meetings) {
    }

    @Transactional
    public Mentoring of(long personId) {
        return collect(personId).view();
    }

    /** Every meeting of the person's published matches, current and past, for the calendar. */
    @Transactional
    public List<MeetingInvites.Meeting> meetingsOf(long personId) {
        return collect(personId).meetings();
    }

    Collected collect(long personId) {
        Person viewer = Person.findById(personId);
        ZoneId zone = viewer == null ? ZoneId.of("UTC") : viewer.zone();
        Map<MatchingRound, List<PairMatch>> pairs = new LinkedHashMap<>();
        Map<MatchingRound, List<CircleMatch>> circles = new LinkedHashMap<>();
        List<MeetingInvites.Meeting> meetings = new ArrayList<>();

        // p.mentor.id compares the key column: no join, so a pair with a former employee stays in the list
        List<RoundPair> myPairs = RoundPair.list("select p from RoundPair p where p.round.status = ?1"
                + " and (p.mentor.id = ?2 or p.mentee.id = ?2) order by p.id", RoundStatus.PUBLISHED, personId);
        for (RoundPair pair : myPairs) {
            boolean iMentor = pair.mentor != null && pair.mentor.id == personId;
            Person partner = iMentor ? pair.mentee : pair.mentor;
            Optional<MeetingInvites.Meeting> kickoff = kickoff(pair);
            kickoff.ifPresent(meetings::add);
            pairs.computeIfAbsent(pair.round, r -> new ArrayList<>()).add(new PairMatch(iMentor ? "mentee" : "mentor",
                    colleague(partner), PlainWords.forPeople(pair.explanationLines()),
                    kickoff.map(m -> meeting(m, zone)).orElse(null)));
        }

        List<RoundCircle> myCircles = RoundCircle.list("select distinct c from RoundCircle c join c.members m"
                + " where c.round.status = ?1 and m.person.id = ?2 order by c.meetingIndex, c.circleNumber",
                RoundStatus.PUBLISHED, personId);
        for (RoundCircle circle : myCircles) {
            Optional<MeetingInvites.Meeting> meeting = RoundMeetings.circleMeeting(circle.round, circle);
            meeting.ifPresent(meetings::add);
            List<Colleague> others = circle.members.stream().filter(m -> !m.is(personId))
                    .map(m -> colleague(m.person)).toList();
            circles.computeIfAbsent(circle.round, r -> new ArrayList<>()).add(new CircleMatch(circle.meetingIndex + 1,
                    circle.circleNumber, others, meeting.map(m -> meeting(m, zone)).orElse(null),
                    PlainWords.forPeople(circle.explanationLines())));
        }

        List<MatchingRound> rounds = new ArrayList<>(pairs.keySet());
        circles.keySet().stream().filter(r -> !pairs.containsKey(r)).forEach(rounds::add);
        rounds.sort(Comparator.comparing((MatchingRound r) -> r.program.name).thenComparing(r -> -r.number));
        Map<Long, Integer> latest = new HashMap<>();
        List<RoundMatches> current = new ArrayList<>();
        List<RoundMatches> past = new ArrayList<>();
        for (MatchingRound round : rounds) {
            int newest = latest.computeIfAbsent(round.program.id, id -> latestPublished(round));
            RoundMatches matches = new RoundMatches(round.id, round.program.id, round.program.name, round.number,
                    round.publishedAt, pairs.getOrDefault(round, List.of()), circles.getOrDefault(round, List.of()));
            (round.number == newest ? current : past).add(matches);
        }
        meetings.sort(Comparator.comparing(MeetingInvites.Meeting::start));
        return new Collected(new Mentoring(zone.getId(), current, past), meetings);
    }

    private static int latestPublished(MatchingRound round) {
        return MatchingRound.find("select max(r.number) from MatchingRound r where r.program = ?1 and r.status = ?2",
                round.program, RoundStatus.PUBLISHED).project(Integer.class).firstResult();
    }

    /** The kick-off as the publication mail gave it: from both people's hours as the round read them. */
    private static Optional<MeetingInvites.Meeting> kickoff(RoundPair pair) {
        if (pair.mentor == null || pair.mentee == null) {
            return Optional.empty();
        }
        Map<Long, ParticipantSnapshot> snapshots = new HashMap<>();
        RoundParticipant.<RoundParticipant>list("round = ?1 and person.id in ?2", pair.round,
                List.of(pair.mentor.id, pair.mentee.id))
                .forEach(p -> snapshots.put(p.person.id, ParticipantSnapshot.fromJson(p.profileJson)));
        LocalDate week = RoundMeetings.kickoffWeek(pair.round);
        return RoundMeetings.kickoff(pair.round, pair, week, snapshots.get(pair.mentor.id), snapshots.get(pair.mentee.id));
    }

    private static Meeting meeting(MeetingInvites.Meeting meeting, ZoneId zone) {
        ZonedDateTime start = meeting.start().atZone(zone);
        return new Meeting(start.toOffsetDateTime().toString(),
                start.plus(meeting.duration()).toOffsetDateTime().toString(),
                WHEN.format(start) + " (" + zone.getId() + ")");
    }

    private static Colleague colleague(Person p) {
        if (p == null) {
            return new Colleague(PersonDeleted.FORMER_EMPLOYEE, null, null, null, null, null, null, true);
        }
        ZoneId zone = p.zone();
        return new Colleague(p.fullName, p.email, p.department == null ? null : p.department.name, p.jobTitle,
                p.office == null ? null : p.office.name, zone.getId(), CLOCK.format(ZonedDateTime.now(zone)), false);
    }
}
