package io.bridgeway.feedback;

import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.programs.PreviousPartners;
import io.bridgeway.programs.Program;
import io.bridgeway.programs.ProgramFeedback;
import io.bridgeway.rounds.KeptApart;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.PairingFeedback;
import io.bridgeway.rounds.RoundPair;
import io.bridgeway.rounds.RoundParticipant;
import io.bridgeway.rounds.RoundStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How survey answers shape the next round: a pair rated {@value #LOW_RATING} or less by either side is never
 * paired again (in any programme), a pair both sides want to continue is kept when the programme prefers
 * continuity, and managers see who says they never met. No rating or comment leaves this class.
 */
@ApplicationScoped
public class FeedbackEffects implements PairingFeedback, ProgramFeedback {

    static final int LOW_RATING = 2;

    @Override
    public List<PairingProblem.DoNotPair> exclusionsAmong(Set<String> personIds) {
        List<Object[]> rated = Survey.getEntityManager().createQuery("select s.person.id, s.partner.id from Survey s "
                + "where s.rating <= :low and s.partner is not null", Object[].class)
                .setParameter("low", LOW_RATING).getResultList();
        Set<PairingProblem.DoNotPair> pairs = new LinkedHashSet<>();
        for (Object[] row : rated) {
            String a = String.valueOf(row[0]);
            String b = String.valueOf(row[1]);
            if (personIds.contains(a) && personIds.contains(b)) {
                pairs.add(pairOf(a, b));
            }
        }
        return List.copyOf(pairs);
    }

    /** One entry per pair, whichever side rated it. */
    private static PairingProblem.DoNotPair pairOf(String a, String b) {
        return a.compareTo(b) < 0 ? new PairingProblem.DoNotPair(a, b) : new PairingProblem.DoNotPair(b, a);
    }

    @Override
    public List<PairingProblem.PinnedPair> continuingPairs(MatchingRound round, Collection<List<String>> keptApart) {
        if (round.program.pairing.previousPartners != PreviousPartners.PREFER_CONTINUITY) {
            return List.of();
        }
        MatchingRound previous = MatchingRound.<MatchingRound>find("program = ?1 and status = ?2 and number < ?3 "
                + "order by number desc", round.program, RoundStatus.PUBLISHED, round.number).firstResult();
        if (previous == null) {
            return List.of();
        }
        Set<String> willing = new HashSet<>(); // "respondent>partner" of answers that would continue, rated above low
        for (Survey s : Survey.<Survey>list("round = ?1 and partner is not null and wouldContinue = true "
                + "and rating > ?2", previous, LOW_RATING)) {
            willing.add(s.person.id + ">" + s.partner.id);
        }
        Map<Long, Integer> seatsLeft = new HashMap<>();
        Set<Long> mentees = new HashSet<>();
        Set<List<String>> apart = new HashSet<>(keptApart); // lists and low ratings, also from other rounds
        for (RoundParticipant p : RoundParticipant.of(round)) {
            if (p.asMentor) {
                seatsLeft.put(p.person.id, p.mentorCapacity);
            }
            if (p.asMentee) {
                mentees.add(p.person.id);
            }
        }
        for (RoundPair pinned : RoundPair.<RoundPair>list("round = ?1 and pinned = true", round)) {
            if (pinned.mentor != null) { // a manager's pin wins: its mentee and its seat are taken
                seatsLeft.merge(pinned.mentor.id, -1, Integer::sum);
            }
            if (pinned.mentee != null) {
                mentees.remove(pinned.mentee.id);
            }
        }
        List<PairingProblem.PinnedPair> kept = new ArrayList<>();
        for (RoundPair pair : RoundPair.of(previous)) {
            if (pair.mentor == null || pair.mentee == null || !mentees.contains(pair.mentee.id)
                    || seatsLeft.getOrDefault(pair.mentor.id, 0) <= 0) {
                continue; // someone left, or no longer takes this role, or the mentor has no seat left
            }
            boolean splitByManager = round.excludedPairs.contains(new MatchingRound.ExcludedPair(pair.mentor.id,
                    pair.mentee.id)); // in this draft: keeping them would undo the manager's decision
            if (!splitByManager && willing.contains(pair.mentor.id + ">" + pair.mentee.id)
                    && willing.contains(pair.mentee.id + ">" + pair.mentor.id)
                    && !KeptApart.includes(apart, pair.mentor.id, pair.mentee.id)) {
                seatsLeft.merge(pair.mentor.id, -1, Integer::sum);
                kept.add(new PairingProblem.PinnedPair(String.valueOf(pair.mentee.id), String.valueOf(pair.mentor.id)));
            }
        }
        return kept;
    }

    @Override
    public List<NeverMet> neverMet(Program program) {
        return Survey.<Survey>list("round.program = ?1 and met = false order by round.number, person.fullName, id",
                program).stream()
                .map(s -> new NeverMet(s.person.fullName, s.person.email, s.round.number,
                        s.partner != null ? s.partner.fullName : "Circle " + s.circle.circleNumber + ", meeting "
                                + (s.circle.meetingIndex + 1)))
                .toList();
    }
}
