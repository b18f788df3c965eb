package io.bridgeway.feedback;

import io.bridgeway.people.Person;
import io.bridgeway.programs.Program;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.RoundCircle;
import io.bridgeway.rounds.RoundPair;
import io.bridgeway.rounds.RoundMeetings;
import io.bridgeway.rounds.RoundProblems;
import io.bridgeway.rounds.RoundPublished;
import io.bridgeway.rounds.RoundStatus;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.Found;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Plans the surveys of a published round, lists a person's due ones and records their answers. */
@ApplicationScoped
public class Surveys {

    /** A circle meeting is over an hour after it starts; then its survey is due. */

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** A due survey as the page shows it: what it is about, never anyone's answers. */
    public record Pending(long id, String programme, int roundNumber, String about, Instant dueAt) {
    }

    /** Runs inside the publishing transaction: the surveys exist exactly when the publication committed. */
    void plan(@Observes RoundPublished event) {
        MatchingRound round = event.round();
        Instant now = Instant.now();
        Instant halfway = round.publishedAt.plus(Duration.ofDays(7L * round.program.roundLengthWeeks).dividedBy(2));
        for (RoundPair pair : RoundPair.of(round)) {
            if (pair.mentor != null && pair.mentee != null) {
                create(round, pair.mentor, pair.mentee, null, halfway, now);
                create(round, pair.mentee, pair.mentor, null, halfway, now);
            }
        }
        var calendar = RoundProblems.calendar(round.program);
        for (RoundCircle circle : RoundCircle.of(round)) {
            // without a solved hour the circle agrees its own time within the meeting week
            Instant due = circle.meetingAt != null ? circle.meetingAt.plus(RoundMeetings.LENGTH)
                    : calendar.weekStarts(circle.meetingIndex).get(0).plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (RoundCircle.Member member : circle.members) {
                if (member.person != null) {
                    create(round, member.person, null, circle, due, now);
                }
            }
        }
    }

    private static void create(MatchingRound round, Person person, Person partner, RoundCircle circle, Instant due,
            Instant now) {
        Survey survey = new Survey();
        survey.round = round;
        survey.person = person;
        survey.partner = partner;
        survey.circle = circle;
        survey.dueAt = due;
        survey.createdAt = now;
        survey.persist();
    }

    /** The person's unanswered surveys that are due at {@code now}, oldest first. */
    @Transactional
    public List<Pending> pendingFor(long personId, Instant now) {
        return Survey.<Survey>list("person.id = ?1 and answeredAt is null and dueAt <= ?2 and round.status = ?3 "
                + "order by dueAt, id", personId, now, RoundStatus.PUBLISHED).stream().map(Surveys::pending).toList();
    }

    /** The person's own due, unanswered survey; 404 for anyone else's, or one not due or already answered. */
    @Transactional
    public Pending pending(long personId, long surveyId, Instant now) {
        return pending(answerable(personId, surveyId, now));
    }

    /** Checks every answer, then saves them all, or nothing: the errors say what to fix. */
    @Transactional
    public FormErrors answer(long personId, long surveyId, SurveyForm form, Instant now) {
        Survey survey = answerable(personId, surveyId, now);
        FormErrors errors = new FormErrors();
        Boolean met = yesNo(form.met, "met", "Say whether you met.", errors);
        Integer rating = FormFields.intIn(form.rating, 1, 5, "rating", "Rating", errors);
        String comment = FormFields.text(form.comment, Survey.MAX_COMMENT, false, "comment", "Comment", errors);
        Boolean wouldContinue = yesNo(form.wouldContinue, "wouldContinue", "Say whether you would continue.", errors);
        if (errors.any()) {
            return errors;
        }
        survey.met = met;
        survey.rating = rating;
        survey.comment = comment.isEmpty() ? null : comment;
        survey.wouldContinue = wouldContinue;
        survey.answeredAt = now;
        return errors;
    }

    static Survey answerable(long personId, long surveyId, Instant now) {
        Survey survey = Survey.findById(surveyId);
        boolean open = survey != null && survey.person.id == personId && !survey.answered()
                && !survey.dueAt.isAfter(now) && survey.round.status == RoundStatus.PUBLISHED;
        return Found.orNotFound(open ? survey : null);
    }

    private static Boolean yesNo(String raw, String field, String message, FormErrors errors) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> {
                errors.add(field, message);
                yield null;
            }
        };
    }

    private static Pending pending(Survey s) {
        Program program = s.round.program;
        return new Pending(s.id, program.name, s.round.number, about(s), s.dueAt);
    }

    /** What the survey asks about, in the words the answering person knows. */
    static String about(Survey s) {
        if (s.circle != null) {
            String when = s.circle.meetingAt == null ? "meeting " + (s.circle.meetingIndex + 1)
                    : "the meeting of " + DAY.format(s.circle.meetingAt.atZone(s.person.zone()));
            return "Circle " + s.circle.circleNumber + ", " + when;
        }
        return s.partner == null ? "A former employee" : "Your pairing with " + s.partner.fullName;
    }
}
