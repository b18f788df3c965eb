package io.bridgeway.analytics;

import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import io.bridgeway.people.Level;
import io.bridgeway.programs.Program;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.RoundStatus;
import io.bridgeway.web.Found;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the database into {@link Facts}: one programme's or every programme's enrolled people and PUBLISHED rounds
 * (drafts and discarded rounds are never read), with the answered surveys of those rounds. Deleted accounts
 * (null people in published rounds) are left out. A fixed number of queries whatever the number of rounds: each
 * kind of row is read for all the rounds at once ({@code round.id in :rounds}), as plain columns, not entities.
 */
@ApplicationScoped
public class AnalyticsReader {

    static final String NOT_GIVEN = "Not given";

    /** The columns that make a {@link Facts.Participant}, after the person's id. */
    private static final String PERSON_COLUMNS = "pe.id, d.name, pe.level, o.name";
    private static final String PERSON_JOINS = " left join pe.department d left join pe.office o";

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

    /** A published round's own columns, in the order the rounds were published. */
    private record RoundRow(long id, int number, long programId, String programName) {
    }

    Facts ofProgram(Program program) {
        List<RoundRow> rounds = rounds("and r.program.id = :program order by r.number", program.id);
        return read(people("select " + PERSON_COLUMNS + " from Enrollment e join e.person pe" + PERSON_JOINS
                + " where e.program.id = :program", Map.of("program", program.id)), rounds, false);
    }

    Facts allProgrammes() {
        List<RoundRow> rounds = rounds("order by r.publishedAt, r.id", null);
        return read(people("select " + PERSON_COLUMNS + " from Enrollment e join e.person pe" + PERSON_JOINS,
                Map.of()), rounds, true);
    }

    private EntityManager em() {
        return MatchingRound.getEntityManager();
    }

    /** Published rounds; {@code filterAndOrder} may narrow them to {@code :program}. */
    private List<RoundRow> rounds(String filterAndOrder, Long programId) {
        var query = em().createQuery("select r.id, r.number, p.id, p.name from MatchingRound r join r.program p"
                + " where r.status = :published " + filterAndOrder, Object[].class).setParameter("published", RoundStatus.PUBLISHED);
        if (programId != null) {
            query.setParameter("program", programId);
        }
        return query.getResultList().stream()
                .map(c -> new RoundRow((Long) c[0], (Integer) c[1], (Long) c[2], (String) c[3])).toList();
    }

    /** Enrolled people, signed up, by id (the query selects {@link #PERSON_COLUMNS}). */
    private Map<Long, Facts.Participant> people(String jpql, Map<String, Object> parameters) {
        var query = em().createQuery(jpql + " order by pe.id", Object[].class);
        parameters.forEach(query::setParameter);
        Map<Long, Facts.Participant> people = new LinkedHashMap<>();
        query.getResultList().forEach(c -> people.putIfAbsent((Long) c[0], participant(c, 0, true)));
        return people;
    }

    private List<Object[]> rows(String jpql, List<Long> roundIds) {
        return em().createQuery(jpql, Object[].class).setParameter("rounds", roundIds).getResultList();
    }

    private Facts read(Map<Long, Facts.Participant> people, List<RoundRow> rounds, boolean nameProgramme) {
        if (rounds.isEmpty()) {
            return new Facts(List.copyOf(people.values()), List.of(), List.of());
        }
        List<Long> ids = rounds.stream().map(RoundRow::id).toList();
        Map<Long, RoundBuilder> byId = new LinkedHashMap<>();
        rounds.forEach(r -> byId.put(r.id(), new RoundBuilder(r.programId())));
        // who took part: someone met in a round but no longer enrolled is in scope, not signed up
        Map<String, Facts.Seeker> seekerOf = new HashMap<>(); // "round/person" -> the mentee's waiting numbers
        for (Object[] c : rows("select rp.round.id, " + PERSON_COLUMNS + ", rp.asMentor, rp.asMentee, rp.asCircleMember,"
                + " rp.menteePriority, rp.roundsWaited, rp.hadAllowedMentor from RoundParticipant rp join rp.person pe"
                + PERSON_JOINS + " where rp.round.id in :rounds", ids)) {
            String person = people.computeIfAbsent((Long) c[1], k -> participant(c, 1, false)).id();
            RoundBuilder round = byId.get((Long) c[0]);
            round.present.add(person);
            if ((Boolean) c[5]) {
                round.mentors.add(person);
            }
            boolean asMentee = (Boolean) c[6];
            if (asMentee || (Boolean) c[7]) {
                Facts.Seeker seeker = new Facts.Seeker(person, asMentee, (Boolean) c[7], asMentee ? (Integer) c[9] : 0,
                        asMentee ? (Boolean) c[10] : null);
                round.seekers.add(seeker);
                round.menteePriority.put(person, (Integer) c[8]);
                seekerOf.put(c[0] + "/" + person, seeker);
            }
        }
        Map<Long, PairingSettings> settings = new HashMap<>();
        Program.<Program>list("id in ?1", rounds.stream().map(RoundRow::programId).distinct().toList())
                .forEach(p -> settings.put(p.id, p.pairing.toSettings()));
        for (Object[] c : rows("select p.round.id, p.mentor.id, p.mentee.id, p.value from RoundPair p"
                + " where p.round.id in :rounds and p.mentor is not null and p.mentee is not null order by p.id", ids)) {
            RoundBuilder round = byId.get((Long) c[0]);
            String mentee = String.valueOf(c[2]);
            PairingSettings rules = settings.get(round.programId);
            round.pairs.add(new Facts.Pair(String.valueOf(c[1]), mentee,
                    weight((Long) c[3], round.menteePriority.get(mentee), seekerOf.get(c[0] + "/" + mentee), rules)));
        }
        Map<Long, Facts.Circle> circles = new LinkedHashMap<>();
        for (Object[] c : rows("select c.round.id, c.id, c.meetingIndex, m.person.id from RoundCircle c join c.members m"
                + " where c.round.id in :rounds and m.person is not null order by c.id", ids)) {
            Facts.Circle circle = circles.computeIfAbsent((Long) c[1], k -> {
                Facts.Circle made = new Facts.Circle((Integer) c[2], new ArrayList<>());
                byId.get((Long) c[0]).circles.add(made);
                return made;
            });
            circle.members().add(String.valueOf(c[3]));
        }
        for (Object[] c : rows("select u.round.id, u.mentee.id, u.reason from RoundUnmatched u"
                + " where u.round.id in :rounds and u.mentee is not null order by u.id", ids)) {
            byId.get((Long) c[0]).unmatched.add(new Facts.Unmatched(String.valueOf(c[1]),
                    UnmatchedReasons.category((String) c[2])));
        }
        List<Facts.Answer> answers = rows("select s.person.id, s.met, s.rating from Survey s"
                + " where s.round.id in :rounds and s.answeredAt is not null order by s.id", ids).stream()
                .map(c -> new Facts.Answer(String.valueOf(c[0]), Boolean.TRUE.equals(c[1]), (Integer) c[2])).toList();
        List<Facts.Round> read = new ArrayList<>();
        for (RoundRow row : rounds) {
            String label = (nameProgramme ? row.programName() + " round " : "Round ") + row.number();
            read.add(byId.get(row.id()).build(label));
        }
        return new Facts(List.copyOf(people.values()), read, answers);
    }

    /**
     * A stored pair's match quality: its value is {@code matchedPriorityWeight * (priority + waiting bonus) + w}
     * ({@link PairRules#pairValue}), so w is the value less the priority part, with the waiting bonus from the
     * stored rounds waited under the programme's waiting rules. Null when the mentee's row is missing.
     */
    static Long weight(long value, Integer menteePriority, Facts.Seeker mentee, PairingSettings rules) {
        if (menteePriority == null || mentee == null) {
            return null;
        }
        int priority = menteePriority + PairRules.waitingBonus(rules, mentee.roundsWaited());
        return value - (long) rules.matchedPriorityWeight() * priority;
    }

    /** One round's rows as they are read; each row kind arrives for all rounds at once. */
    private static final class RoundBuilder {
        final long programId;
        final List<String> present = new ArrayList<>();
        final List<String> mentors = new ArrayList<>();
        final List<Facts.Pair> pairs = new ArrayList<>();
        final List<Facts.Circle> circles = new ArrayList<>();
        final List<Facts.Unmatched> unmatched = new ArrayList<>();
        final List<Facts.Seeker> seekers = new ArrayList<>();
        final Map<String, Integer> menteePriority = new HashMap<>();

        RoundBuilder(long programId) {
            this.programId = programId;
        }

        Facts.Round build(String label) {
            return new Facts.Round(label, present, mentors, pairs, circles, unmatched, seekers);
        }
    }

    /** A participant from {@link #PERSON_COLUMNS} starting at {@code from}. */
    private static Facts.Participant participant(Object[] columns, int from, boolean signedUp) {
        String level = Level.labelOf((Integer) columns[from + 2]);
        return new Facts.Participant(String.valueOf(columns[from]),
                columns[from + 1] == null ? NOT_GIVEN : (String) columns[from + 1],
                level.isEmpty() ? NOT_GIVEN : level,
                columns[from + 3] == null ? NOT_GIVEN : (String) columns[from + 3], signedUp);
    }
}
