package io.bridgeway.rounds;

import io.bridgeway.matching.PlainWords;
import io.bridgeway.notifications.MatchNotifier;
import io.bridgeway.notifications.MeetingInvites;
import io.bridgeway.notifications.Outbox;
import io.bridgeway.people.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What publishing a round does beyond freezing it: date every circle meeting (cadence + solved hour),
 * and queue for each participant one mail with a calendar invite: who they were matched with and why.
 * Mail carries only the recipient's own matches; nothing confidential.
 */
@ApplicationScoped
public class RoundPublication {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** The mail's text, one plain-text template per part (templates/RoundPublication/*.txt; no HTML escaping). */
    @CheckedTemplate
    static class Mails {
        static native TemplateInstance letter(String name, String program, int round, String sections, boolean invite);

        static native TemplateInstance mentorOf(String mentee, String email, String about, List<String> why);

        static native TemplateInstance mentorIs(String mentor, String email, String about, String waited, List<String> why);

        static native TemplateInstance circle(int meeting, String others, String when, List<String> about);

        static native TemplateInstance unmatched();

        static native TemplateInstance notSeated(int meeting);
    }

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "quarkus.mailer.from")
    String organizer;

    /** Dates each circle's meeting; runs inside the publishing transaction. */
    void schedule(MatchingRound round) {
        var calendar = RoundProblems.calendar(round.program);
        for (RoundCircle circle : RoundCircle.of(round)) {
            if (circle.meetingMinute != null) {
                circle.meetingAt = MeetingTimes.circleMeeting(calendar, circle.meetingIndex, circle.meetingMinute);
            }
        }
    }

    /**
     * Queues one notification per participant in the outbox; runs inside the publishing transaction,
     * so the mails exist exactly when the publication committed and survive a crash right after it.
     */
    void enqueueNotices(MatchingRound round) {
        notices(round.id).forEach(notice -> outbox.enqueue(notice, Outbox.ROUND_PUBLISHED, round.id));
    }

    private static final class Draft {
        final Person person;
        final String zone;
        final List<String> lines = new ArrayList<>();
        /** By meeting: their circle, or that the meeting left them out. */
        final Map<Integer, String> circleLines = new TreeMap<>();
        final List<MeetingInvites.Meeting> meetings = new ArrayList<>();

        Draft(Person person, String zone) {
            this.person = person;
            this.zone = zone;
        }
    }

    List<MatchNotifier.Notice> notices(long roundId) {
        MatchingRound round = Rounds.round(roundId);
        Map<Long, ParticipantSnapshot> snapshots = new HashMap<>();
        List<RoundParticipant> participants = RoundParticipant.of(round);
        participants.forEach(p -> snapshots.put(p.person.id, ParticipantSnapshot.fromJson(p.profileJson)));
        Map<Long, RoundParticipant> byPerson = new HashMap<>();
        participants.forEach(p -> byPerson.put(p.person.id, p));
        Map<Long, Draft> drafts = new LinkedHashMap<>();
        participants.forEach(p -> draft(drafts, p.person, snapshots)); // everyone hears back, matched or not
        String program = round.program.name;
        LocalDate kickoffWeek = RoundMeetings.kickoffWeek(round);

        for (RoundPair pair : RoundPair.of(round)) {
            Draft mentor = draft(drafts, pair.mentor, snapshots);
            Draft mentee = draft(drafts, pair.mentee, snapshots);
            List<String> why = PlainWords.forPeople(pair.explanationLines());
            mentor.lines.add(Mails.mentorOf(pair.mentee.fullName, pair.mentee.email, describe(pair.mentee), why).render());
            mentee.lines.add(Mails.mentorIs(pair.mentor.fullName, pair.mentor.email, describe(pair.mentor),
                    waitedFirst(round, byPerson.get(pair.mentee.id)), why).render());
            RoundMeetings.kickoff(round, pair, kickoffWeek, snapshots.get(pair.mentor.id), snapshots.get(pair.mentee.id))
                    .ifPresent(meeting -> {
                        mentor.meetings.add(meeting);
                        mentee.meetings.add(meeting);
                    });
        }

        for (RoundCircle circle : RoundCircle.of(round)) {
            List<Person> members = circle.members.stream().map(m -> m.person).filter(p -> p != null).toList();
            Optional<MeetingInvites.Meeting> meeting = RoundMeetings.circleMeeting(round, circle);
            for (Person member : members) {
                Draft draft = draft(drafts, member, snapshots);
                String others = String.join(", ", members.stream().filter(p -> !p.id.equals(member.id))
                        .map(p -> p.fullName + describe(p)).toList());
                String when = circle.meetingAt == null ? "no common hour was found: agree a time together"
                        : WHEN.format(circle.meetingAt.atZone(ZoneId.of(draft.zone))) + " (" + draft.zone + ")";
                draft.circleLines.put(circle.meetingIndex, Mails.circle(circle.meetingIndex + 1, others, when,
                        PlainWords.forPeople(circle.explanationLines())).render());
                meeting.ifPresent(draft.meetings::add);
            }
        }
        for (RoundNotSeated left : RoundNotSeated.of(round)) {
            if (left.person != null) { // no reason given, as for the unmatched
                draft(drafts, left.person, snapshots).circleLines.put(left.meetingIndex,
                        Mails.notSeated(left.meetingIndex + 1).render());
            }
        }

        List<MatchNotifier.Notice> notices = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            draft.lines.addAll(draft.circleLines.values());
            if (draft.lines.isEmpty()) {
                // No reason given: it could reveal someone else's confidential choices.
                draft.lines.add(Mails.unmatched().render());
            }
            String body = Mails.letter(draft.person.fullName, program, round.number, String.join("\n\n", draft.lines),
                    !draft.meetings.isEmpty()).render();
            String ics = draft.meetings.isEmpty() ? null
                    : MeetingInvites.calendar(organizer, draft.meetings);
            notices.add(new MatchNotifier.Notice(draft.person.id, draft.person.email, null, program + ": your matches",
                    body, null, ics));
        }
        return notices;
    }

    /** Plain words for a mentee the waiting policy moved up: " You were matched first this time because ...". */
    static String waitedFirst(MatchingRound round, RoundParticipant mentee) {
        if (mentee == null || mentee.roundsWaited == 0 || !round.program.pairing.waitingPolicy) {
            return "";
        }
        String rounds = mentee.roundsWaited == 1 ? "the last round" : "the last " + mentee.roundsWaited + " rounds";
        return " You were matched first this time because you waited: " + rounds + " could not give you a mentor, "
                + "and the programme moves people who waited ahead.";
    }

    private static Draft draft(Map<Long, Draft> drafts, Person person, Map<Long, ParticipantSnapshot> snapshots) {
        return drafts.computeIfAbsent(person.id, id -> {
            ParticipantSnapshot s = snapshots.get(id);
            String zone = s != null ? s.timeZone() : person.timeZone != null ? person.timeZone : "UTC";
            return new Draft(person, zone);
        });
    }

    private static String describe(Person p) {
        StringBuilder text = new StringBuilder();
        if (p.jobTitle != null) {
            text.append(", ").append(p.jobTitle);
        }
        if (p.department != null) {
            text.append(", ").append(p.department.name);
        }
        return text.toString();
    }
}
