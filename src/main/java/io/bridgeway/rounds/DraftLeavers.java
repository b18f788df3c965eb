package io.bridgeway.rounds;

import io.bridgeway.people.Person;
import io.bridgeway.web.RuleViolationException;
import java.util.List;

/**
 * People who leave a draft round after it was made: they left the programme, their account was deactivated or
 * deleted. A draft drops them as if they had never enrolled. Publishing refuses while any are left in it, so no
 * mail goes to or about them (RoundLifecycle), and "Solve again" drops them first.
 */
final class DraftLeavers {

    /** The reason a mentee whose mentor left gets until the draft is solved again. */
    static final String MENTOR_LEFT = "Their mentor left the company. Solve again to find another.";

    private DraftLeavers() {
    }

    /** Participants of the draft who are no longer enrolled in its programme, or whose account is deactivated. */
    static List<RoundParticipant> of(MatchingRound round) {
        return RoundParticipant.list(LEFT, round);
    }

    /** How many {@link #of} holds; none for a round that is no longer a draft. */
    static int count(MatchingRound round) {
        return round.status == RoundStatus.DRAFT ? (int) RoundParticipant.count(LEFT, round) : 0;
    }

    /** Refuses to publish while anyone in {@link #of} is in the draft. */
    static void refuseWhileAny(MatchingRound round) {
        int left = count(round);
        if (left > 0) {
            throw new RuleViolationException("Round " + round.number + " cannot be published: " + left
                    + (left == 1 ? " participant has" : " participants have") + " left the programme or been deactivated"
                    + " since this draft was made. Solve again to leave them out, then publish.");
        }
    }

    private static final String LEFT = "from RoundParticipant p where p.round = ?1 and (p.person.active = false or not exists"
            + " (select e.id from Enrollment e where e.program = p.round.program and e.person = p.person))";

    /** Drops everyone in {@link #of}; how many. */
    static int dropAll(MatchingRound round) {
        List<Person> leavers = of(round).stream().map(p -> p.person).toList();
        leavers.forEach(person -> drop(round, person));
        return leavers.size();
    }

    /**
     * Drops the person from the draft: their participation, pairs (their mentees wait again), circle places and any
     * meeting that left them out.
     */
    static void drop(MatchingRound round, Person person) {
        for (RoundParticipant participant : RoundParticipant.<RoundParticipant>list("round = ?1 and person = ?2",
                round, person)) {
            round.menteeCount -= participant.asMentee ? 1 : 0;
            round.circleMemberCount -= participant.asCircleMember ? 1 : 0;
            participant.delete();
        }
        for (RoundPair pair : RoundPair.<RoundPair>list("round = ?1 and (mentor = ?2 or mentee = ?2)", round, person)) {
            round.matchedCount--;
            round.objective = round.objective == null ? null : round.objective - pair.value;
            if (pair.mentee != person) {
                RoundUnmatched unmatched = new RoundUnmatched();
                unmatched.round = round;
                unmatched.mentee = pair.mentee;
                unmatched.reason = MENTOR_LEFT;
                unmatched.persist();
            }
            pair.delete();
        }
        RoundUnmatched.delete("round = ?1 and mentee = ?2", round, person);
        RoundNotSeated.delete("round = ?1 and person = ?2", round, person);
        for (RoundCircle circle : RoundCircle.<RoundCircle>list(
                "select distinct c from RoundCircle c join c.members m where c.round = ?1 and m.person = ?2", round, person)) {
            circle.members.removeIf(m -> m.is(person.id));
        }
    }
}
