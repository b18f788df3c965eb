package io.bridgeway.rounds;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.pairing.domain.Contribution;
import io.bridgeway.matching.pairing.domain.HardRule;
import io.bridgeway.matching.pairing.domain.Mentee;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * A manager's changes to a draft's pairs: pin, unpair and force. Each checks the round's version,
 * is refused while a solve runs, and reports its effect on the MODEL.md objective.
 */
@ApplicationScoped
public class PairEdits {

    @Inject
    KeptApart keptApart;

    @Inject
    AuditLog audit;

    /** What a pair edit did; {@code replaced} is the mentor a forced pair took the mentee from, or null. */
    public record PairChange(Kind kind, String mentor, String mentee, String replaced, long objectiveBefore,
            long objectiveAfter) {

        public enum Kind { PINNED, UNPINNED, UNPAIRED, FORCED }

        public long impact() {
            return objectiveAfter - objectiveBefore;
        }
    }

    public PairChange pin(long roundId, long pairId, boolean pinned, long version, String actor) {
        return Transactions.write(() -> {
            RoundPair pair = Rounds.pair(roundId, pairId);
            Rounds.editable(pair.round.id, version, actor);
            pair.pinned = pinned;
            long objective = Rounds.objective(pair.round);
            audit.recordAs(null, actor, pinned ? "PAIR_PINNED" : "PAIR_UNPINNED", "PAIR", pair.id, pair.round.program.id,
                    pair.mentor.email + " -> " + pair.mentee.email);
            return new PairChange(pinned ? PairChange.Kind.PINNED : PairChange.Kind.UNPINNED, pair.mentor.fullName,
                    pair.mentee.fullName, null, objective, objective);
        });
    }

    /** Splits a pair; the mentee stays unmatched, and solving again will not make this pair again. */
    public PairChange unpair(long roundId, long pairId, long version, String actor) {
        return Transactions.write(() -> {
            RoundPair pair = Rounds.pair(roundId, pairId);
            MatchingRound round = Rounds.editable(pair.round.id, version, actor);
            long before = Rounds.objective(round);
            round.excludedPairs.add(new MatchingRound.ExcludedPair(pair.mentor.id, pair.mentee.id));
            RoundUnmatched unmatched = new RoundUnmatched();
            unmatched.round = round;
            unmatched.mentee = pair.mentee;
            unmatched.reason = "Unpaired from " + pair.mentor.fullName + " by " + actor + ".";
            unmatched.persist();
            pair.delete();
            round.matchedCount--;
            round.objective = before - pair.value;
            audit.recordAs(null, actor, "PAIR_UNPAIRED", "PAIR", pair.id, round.program.id,
                    pair.mentor.email + " -> " + pair.mentee.email + ", impact " + (round.objective - before));
            return new PairChange(PairChange.Kind.UNPAIRED, pair.mentor.fullName, pair.mentee.fullName, null, before,
                    round.objective);
        });
    }

    /**
     * Makes (and pins) a pair chosen by a manager, replacing the mentee's current mentor. Allowed
     * only when every hard rule holds; otherwise the message names the rule.
     */
    public PairChange force(long roundId, long mentorId, long menteeId, long version, String actor) {
        return Transactions.write(() -> {
            MatchingRound round = Rounds.editable(roundId, version, actor);
            RoundParticipant mentorPart = participant(round, mentorId);
            RoundParticipant menteePart = participant(round, menteeId);
            if (mentorPart == null || !mentorPart.asMentor) {
                throw new RuleViolationException("That person is not a mentor in this round.");
            }
            if (menteePart == null || !menteePart.asMentee) {
                throw new RuleViolationException("That person is not a mentee in this round.");
            }
            List<RoundParticipant> participants = RoundParticipant.of(round);
            PairingProblem problem = RoundProblems.pairing(round, participants, RoundResults.history(round), List.of(),
                    keptApart.among(participants));
            PairRules rules = new PairRules(problem.settings(), problem.people(), problem.history(), problem.doNotPair());
            PersonProfile mentorProfile = ParticipantSnapshot.fromJson(mentorPart.profileJson).profile();
            PersonProfile menteeProfile = ParticipantSnapshot.fromJson(menteePart.profileJson).profile();
            Mentor mentor = new Mentor(0, mentorProfile, mentorPart.mentorCapacity,
                    problem.freeHours().get(mentorProfile.id()));
            Mentee mentee = new Mentee(0, menteeProfile, menteePart.menteePriority, menteePart.roundsWaited,
                    problem.freeHours().get(menteeProfile.id()));
            HardRule broken = rules.firstBrokenRule(mentor, mentee);
            if (broken != null) {
                throw new RuleViolationException("Cannot pair " + mentorProfile.name() + " with " + menteeProfile.name() + ": "
                        + mentorProfile.name() + " " + broken.mentorPhrase() + " (rule: " + broken.constraintName() + ").");
            }
            RoundPair current = RoundPair.find("round = ?1 and mentee.id = ?2", round, menteeId).firstResult();
            if (current != null && current.mentor.id == mentorId) {
                throw new RuleViolationException(mentorProfile.name() + " already mentors " + menteeProfile.name() + ".");
            }
            long load = RoundPair.count("round = ?1 and mentor.id = ?2", round, mentorId);
            if (load >= mentorPart.mentorCapacity) {
                throw new RuleViolationException("Cannot pair: " + mentorProfile.name() + " is full (capacity "
                        + mentorPart.mentorCapacity + "). Unpair one of their mentees first.");
            }
            long before = Rounds.objective(round);
            long after = before;
            if (current != null) {
                after -= current.value;
                current.delete();
                round.matchedCount--;
            }
            RoundUnmatched.delete("round = ?1 and mentee.id = ?2", round, menteeId);
            RoundPair pair = new RoundPair();
            pair.round = round;
            pair.mentor = mentorPart.person;
            pair.mentee = menteePart.person;
            pair.pinned = true;
            pair.forced = true;
            pair.value = rules.pairValue(mentor, mentee);
            List<String> lines = new ArrayList<>();
            lines.add("paired by " + actor);
            rules.contributions(mentor, mentee).stream().map(Contribution::text).forEach(lines::add);
            pair.explanation = RoundPair.joinExplanation(lines);
            pair.persist();
            round.matchedCount++;
            round.objective = after + pair.value;
            audit.recordAs(null, actor, "PAIR_FORCED", "PAIR", pair.id, round.program.id, mentorPart.person.email + " -> "
                    + menteePart.person.email + (current != null ? " replacing " + current.mentor.email : "")
                    + ", impact " + (round.objective - before));
            return new PairChange(PairChange.Kind.FORCED, mentorProfile.name(), menteeProfile.name(),
                    current == null ? null : current.mentor.fullName, before, round.objective);
        });
    }

    private static RoundParticipant participant(MatchingRound round, long personId) {
        return RoundParticipant.find("round = ?1 and person.id = ?2", round, personId).firstResult();
    }
}
