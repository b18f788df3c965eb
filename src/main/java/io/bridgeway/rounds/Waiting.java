package io.bridgeway.rounds;

import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.programs.Program;
import io.bridgeway.programs.ProgramRounds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long mentees have waited, from a programme's published rounds: each round stores what its mentees had
 * waited when it started and whether they had an allowed mentor, so the count after the latest published
 * round is one step of {@link PairRules#roundsWaitedAfter} from there.
 */
final class Waiting {

    /** Shown on the programme page from this many rounds waited. */
    static final int SHOWN_FROM = 2;

    private Waiting() {
    }

    /** A mentee's state after the last published round they took part in as a mentee. */
    record State(RoundParticipant last, boolean matched, int roundsWaited) {
    }

    /** Person id -> rounds waited after the programme's published rounds (people never left waiting: 0 or absent). */
    static Map<Long, State> after(Program program) {
        List<RoundParticipant> rows = RoundParticipant.list(
                "round.program = ?1 and round.status = ?2 and asMentee = true order by round.number",
                program, RoundStatus.PUBLISHED);
        Set<String> matched = new HashSet<>();
        RoundPair.<RoundPair>list("round.program = ?1 and round.status = ?2", program, RoundStatus.PUBLISHED)
                .stream().filter(p -> p.mentee != null) // a former employee waits for nothing
                .forEach(p -> matched.add(p.round.id + "/" + p.mentee.id));
        Map<Long, State> states = new HashMap<>();
        for (RoundParticipant row : rows) { // later rounds overwrite earlier ones
            boolean wasMatched = matched.contains(row.round.id + "/" + row.person.id);
            int waited = PairRules.roundsWaitedAfter(row.roundsWaited, wasMatched,
                    Boolean.TRUE.equals(row.hadAllowedMentor));
            states.put(row.person.id, new State(row, wasMatched, waited));
        }
        return states;
    }

    /** Enrolled mentees unmatched for {@link #SHOWN_FROM} or more rounds, longest wait first, with reason and help. */
    static List<ProgramRounds.Waiter> waiters(Program program, Set<Long> enrolledMentees) {
        List<ProgramRounds.Waiter> waiters = new ArrayList<>();
        for (Map.Entry<Long, State> entry : after(program).entrySet()) {
            State state = entry.getValue();
            if (state.matched() || !enrolledMentees.contains(entry.getKey())) {
                continue;
            }
            RoundUnmatched why = RoundUnmatched.find("round = ?1 and mentee.id = ?2", state.last().round,
                    entry.getKey()).firstResult();
            int waited = state.roundsWaited();
            int unmatchedRounds = unmatchedRoundsInARow(program, entry.getKey());
            if (unmatchedRounds < SHOWN_FROM) {
                continue;
            }
            var person = state.last().person;
            waiters.add(new ProgramRounds.Waiter(person.id, person.fullName,
                    person.department == null ? null : person.department.name, unmatchedRounds, waited,
                    why == null ? "left unmatched" : shortReason(why.reason),
                    why == null || why.help == null ? "solve the next round" : why.help));
        }
        waiters.sort(Comparator.comparingInt(ProgramRounds.Waiter::unmatchedRounds).reversed()
                .thenComparing(ProgramRounds.Waiter::name));
        return waiters;
    }

    /** Published rounds in a row, up to the latest, in which this mentee took part and was left unmatched. */
    private static int unmatchedRoundsInARow(Program program, long personId) {
        List<RoundParticipant> rows = RoundParticipant.list("round.program = ?1 and round.status = ?2 and asMentee = true"
                + " and person.id = ?3 order by round.number desc", program, RoundStatus.PUBLISHED, personId);
        int count = 0;
        for (RoundParticipant row : rows) {
            if (RoundPair.count("round = ?1 and mentee.id = ?2", row.round, personId) > 0) {
                break;
            }
            count++;
        }
        return count;
    }

    /** The first clause of a stored reason: "every allowed mentor is full, ..." without the figures. */
    static String shortReason(String reason) {
        int cut = reason.indexOf(';');
        return cut < 0 ? reason : reason.substring(0, cut);
    }
}
