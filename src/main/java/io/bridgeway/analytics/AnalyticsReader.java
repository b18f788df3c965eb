package io.bridgeway.analytics;

import io.bridgeway.feedback.Survey;
import io.bridgeway.people.Level;
import io.bridgeway.people.Person;
import io.bridgeway.programs.Enrollment;
import io.bridgeway.programs.Program;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.RoundCircle;
import io.bridgeway.rounds.RoundPair;
import io.bridgeway.rounds.RoundParticipant;
import io.bridgeway.rounds.RoundStatus;
import io.bridgeway.rounds.RoundUnmatched;
import io.bridgeway.web.Found;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps the database into {@link Facts}: one programme's or every programme's enrolled people and PUBLISHED rounds
 * (drafts and discarded rounds are never read), with the answered surveys of those rounds. Deleted accounts
 * (null people in published rounds) are left out.
 */
@ApplicationScoped
public class AnalyticsReader {

    static final String NOT_GIVEN = "Not given";

    /** The figures of one scope; {@code programId} is null for all programmes together. */
    public record Report(String title, Long programId, NetworkFigures figures) {
    }

    /** One programme's figures; 404 for an unknown programme. */
    @Transactional
    public Report program(long programId) {
        Program program = Found.orNotFound(Program.<Program>findById(programId));
        return new Report(program.name, program.id, NetworkFigures.compute(ofProgram(program)));
    }

    @Transactional
    public Report overall() {
        return new Report("All programmes", null, NetworkFigures.compute(allProgrammes()));
    }

    Facts ofProgram(Program program) {
        List<MatchingRound> rounds = MatchingRound.list("program = ?1 and status = ?2 order by number",
                program, RoundStatus.PUBLISHED);
        return read(Enrollment.ofProgram(program), rounds, false);
    }

    Facts allProgrammes() {
        List<MatchingRound> rounds = MatchingRound.list("status = ?1 order by publishedAt, id", RoundStatus.PUBLISHED);
        return read(Enrollment.listAll(), rounds, true);
    }

    private Facts read(List<Enrollment> enrollments, List<MatchingRound> rounds, boolean nameProgramme) {
        Map<Long, Facts.Participant> people = new LinkedHashMap<>();
        enrollments.forEach(e -> people.put(e.person.id, participant(e.person, true)));
        List<Facts.Round> read = new ArrayList<>();
        for (MatchingRound round : rounds) {
            List<String> present = new ArrayList<>();
            List<String> mentors = new ArrayList<>();
            for (RoundParticipant p : RoundParticipant.of(round)) {
                present.add(id(people, p.person));
                if (p.asMentor) {
                    mentors.add(id(people, p.person));
                }
            }
            List<Facts.Pair> pairs = RoundPair.of(round).stream().filter(p -> p.mentor != null && p.mentee != null)
                    .map(p -> new Facts.Pair(id(people, p.mentor), id(people, p.mentee))).toList();
            List<Facts.Circle> circles = RoundCircle.of(round).stream().map(c -> new Facts.Circle(c.meetingIndex,
                    c.members.stream().map(m -> m.person).filter(Objects::nonNull).map(person -> id(people, person))
                            .toList())).toList();
            List<Facts.Unmatched> unmatched = RoundUnmatched.<RoundUnmatched>list("round = ?1", round).stream()
                    .filter(u -> u.mentee != null)
                    .map(u -> new Facts.Unmatched(id(people, u.mentee), UnmatchedReasons.category(u.reason))).toList();
            String label = (nameProgramme ? round.program.name + " round " : "Round ") + round.number;
            read.add(new Facts.Round(label, present, mentors, pairs, circles, unmatched));
        }
        List<Facts.Answer> answers = rounds.isEmpty() ? List.of()
                : Survey.<Survey>list("round in ?1 and answeredAt is not null", rounds).stream()
                        .map(s -> new Facts.Answer(String.valueOf(s.person.id), Boolean.TRUE.equals(s.met), s.rating))
                        .toList();
        return new Facts(List.copyOf(people.values()), read, answers);
    }

    /** The person's id in the facts; someone met in a round but no longer enrolled is in scope, not signed up. */
    private static String id(Map<Long, Facts.Participant> people, Person person) {
        return people.computeIfAbsent(person.id, k -> participant(person, false)).id();
    }

    private static Facts.Participant participant(Person person, boolean signedUp) {
        String level = Level.labelOf(person.level);
        return new Facts.Participant(String.valueOf(person.id),
                person.department == null ? NOT_GIVEN : person.department.name,
                level.isEmpty() ? NOT_GIVEN : level,
                person.office == null ? NOT_GIVEN : person.office.name, signedUp);
    }
}
