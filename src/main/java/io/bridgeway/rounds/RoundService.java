package io.bridgeway.rounds;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.pairing.domain.HardRule;
import io.bridgeway.matching.pairing.domain.Mentee;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.Contribution;
import io.bridgeway.people.Person;
import io.bridgeway.programs.Enrollment;
import io.bridgeway.programs.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.inject.Inject;
import io.bridgeway.web.Found;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.StaleEditException;
import io.bridgeway.web.Transactions;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What managers do with rounds: start, solve again, stop, pin, unpair, force a pair, publish and
 * discard. Every change checks the round's version (optimistic locking) and refuses edits while a
 * solve runs, so a solver callback never races a manual change.
 */
@ApplicationScoped
public class RoundService {

    @Inject
    EntityManager em;

    @Inject
    RoundSolver solver;

    @Inject
    AuditLog audit;

    @Inject
    RoundPublication publication;

    /** The outcome of a manual change: what happened and how it moved the objective. */
    public record Change(String message, long objectiveBefore, long objectiveAfter) {
        public long impact() {
            return objectiveAfter - objectiveBefore;
        }

        public String describe() {
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            long d = impact();
            return message + " Score impact: " + (d > 0 ? "+" : d < 0 ? "−" : "±") + n.format(Math.abs(d))
                    + " (objective " + n.format(objectiveBefore) + " → " + n.format(objectiveAfter) + ").";
        }
    }

    /** Snapshots the enrolled participants into a new draft round and starts solving it. */
    public long start(long programId, String actor) {
        // Commit the snapshot before the solver thread reads it.
        long roundId = Transactions.write(() -> createRound(programId, actor).id);
        solver.solve(roundId);
        return roundId;
    }

    private MatchingRound createRound(long programId, String actor) {
        Program program = Found.orNotFound(Program.findById(programId));
        em.lock(program, LockModeType.PESSIMISTIC_WRITE); // one round start per programme at a time
        Optional<MatchingRound> draft = MatchingRound.find("program = ?1 and status = ?2", program, RoundStatus.DRAFT)
                .firstResultOptional();
        if (draft.isPresent()) {
            throw new RuleViolationException("Round " + draft.get().number + " is still a draft: publish or discard it "
                    + "before starting a new round.");
        }
        List<Enrollment> enrollments = Enrollment.ofProgram(program);
        if (enrollments.isEmpty()) {
            throw new RuleViolationException("Nobody is enrolled in this programme yet.");
        }
        if (program.type.pairs() && enrollments.stream().anyMatch(e -> e.asMentee)
                && enrollments.stream().noneMatch(e -> e.asMentor)) {
            throw new RuleViolationException("This programme has no mentors yet: enrol at least one mentor before "
                    + "starting a round, or every mentee would stay unmatched.");
        }
        Integer last = MatchingRound.find("select max(r.number) from MatchingRound r where r.program = ?1", program)
                .project(Integer.class).firstResult();
        MatchingRound round = new MatchingRound();
        round.program = program;
        round.number = last == null ? 1 : last + 1;
        round.solveState = SolveState.SOLVING;
        round.solveStartedAt = Instant.now();
        round.lastChangedBy = actor;
        round.persist();
        Instant now = Instant.now();
        Map<Long, Waiting.State> waiting = Waiting.after(program);
        for (Enrollment e : enrollments) {
            RoundParticipant p = new RoundParticipant();
            p.round = round;
            p.person = e.person;
            p.asMentor = e.asMentor && program.type.pairs();
            p.mentorCapacity = e.mentorCapacity;
            p.asMentee = e.asMentee && program.type.pairs();
            p.menteePriority = e.menteePriority;
            Waiting.State waited = waiting.get(e.person.id);
            p.roundsWaited = p.asMentee && waited != null ? waited.roundsWaited() : 0;
            p.asCircleMember = e.asCircleMember && program.type.circles();
            p.profileJson = ParticipantSnapshot.of(e, now).toJson();
            p.persist();
            round.menteeCount += p.asMentee ? 1 : 0;
            round.circleMemberCount += p.asCircleMember ? 1 : 0;
        }
        audit.recordAs(null, actor, "ROUND_STARTED", "ROUND", round.id, program.id,
                "Round " + round.number + " with " + enrollments.size() + " participants");
        return round;
    }

    /** Solves the draft again; pinned pairs stay, everything else is re-optimised. */
    public void resolve(long roundId, long version, String actor) {
        Transactions.write(() -> {
            MatchingRound round = editableRound(roundId, version, actor);
            round.solveState = SolveState.SOLVING;
            round.solveStartedAt = Instant.now();
            round.solveEndedAt = null;
            round.solveMessage = null;
            audit.recordAs(null, actor, "ROUND_RESOLVED", "ROUND", round.id, round.program.id, "Solve again, pins kept");
        });
        solver.solve(roundId);
    }

    /**
     * Stops a running solve; the solver's final-best callback saves the best solution so far. The
     * blocking stop runs outside any transaction, so that callback's commit cannot make ours stale.
     */
    public void stop(long roundId, String actor) {
        Transactions.write(() -> {
            MatchingRound round = round(roundId);
            if (!round.solveState.running()) {
                throw new RuleViolationException("Round " + round.number + " is not solving.");
            }
            audit.recordAs(null, actor, "ROUND_STOPPED", "ROUND", round.id, round.program.id, "Stopped early");
        });
        solver.stop(roundId);
    }

    public Change pin(long roundId, long pairId, boolean pinned, long version, String actor) {
        return Transactions.write(() -> {
            RoundPair pair = pair(roundId, pairId);
            editableRound(pair.round.id, version, actor);
            pair.pinned = pinned;
            long objective = objective(pair.round);
            audit.recordAs(null, actor, pinned ? "PAIR_PINNED" : "PAIR_UNPINNED", "PAIR", pair.id, pair.round.program.id,
                    pair.mentor.email + " -> " + pair.mentee.email);
            return new Change((pinned ? "Pinned " : "Unpinned ") + pair.mentor.fullName + " → " + pair.mentee.fullName
                    + (pinned ? ": solving again keeps this pair." : ": solving again may change this pair."),
                    objective, objective);
        });
    }

    /** Splits a pair; the mentee stays unmatched, and solving again will not make this pair again. */
    public Change unpair(long roundId, long pairId, long version, String actor) {
        return Transactions.write(() -> {
            RoundPair pair = pair(roundId, pairId);
            MatchingRound round = editableRound(pair.round.id, version, actor);
            long before = objective(round);
            round.excludedPairs.add(new MatchingRound.ExcludedPair(pair.mentor.id, pair.mentee.id));
            RoundUnmatched unmatched = new RoundUnmatched();
            unmatched.round = round;
            unmatched.mentee = pair.mentee;
            unmatched.reason = "Unpaired from " + pair.mentor.fullName + " by " + actor + ".";
            unmatched.persist();
            String message = "Unpaired " + pair.mentor.fullName + " → " + pair.mentee.fullName + ".";
            pair.delete();
            round.matchedCount--;
            round.objective = before - pair.value;
            audit.recordAs(null, actor, "PAIR_UNPAIRED", "PAIR", pair.id, round.program.id,
                    pair.mentor.email + " -> " + pair.mentee.email + ", impact " + (round.objective - before));
            return new Change(message, before, round.objective);
        });
    }

    /**
     * Makes (and pins) a pair chosen by a manager, replacing the mentee's current mentor. Allowed
     * only when every hard rule holds; otherwise the message names the rule.
     */
    public Change force(long roundId, long mentorId, long menteeId, long version, String actor) {
        return Transactions.write(() -> {
            MatchingRound round = editableRound(roundId, version, actor);
            RoundParticipant mentorPart = participant(round, mentorId);
            RoundParticipant menteePart = participant(round, menteeId);
            if (mentorPart == null || !mentorPart.asMentor) {
                throw new RuleViolationException("That person is not a mentor in this round.");
            }
            if (menteePart == null || !menteePart.asMentee) {
                throw new RuleViolationException("That person is not a mentee in this round.");
            }
            PairingProblem problem = RoundProblems.pairing(round, RoundParticipant.of(round), RoundResults.history(round),
                    List.of());
            PairRules rules = new PairRules(problem.settings(), problem.people(), problem.history(), problem.doNotPair());
            PersonProfile mentorProfile = ParticipantSnapshot.fromJson(mentorPart.profileJson).profile();
            PersonProfile menteeProfile = ParticipantSnapshot.fromJson(menteePart.profileJson).profile();
            Mentor mentor = new Mentor(0, mentorProfile, mentorPart.mentorCapacity);
            Mentee mentee = new Mentee(0, menteeProfile, menteePart.menteePriority, menteePart.roundsWaited);
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
            long before = objective(round);
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
            List<String> lines = new java.util.ArrayList<>();
            lines.add("paired by " + actor);
            rules.contributions(mentor, mentee).stream().map(Contribution::text).forEach(lines::add);
            pair.explanation = RoundPair.joinExplanation(lines);
            pair.persist();
            round.matchedCount++;
            round.objective = after + pair.value;
            audit.recordAs(null, actor, "PAIR_FORCED", "PAIR", pair.id, round.program.id, mentorPart.person.email + " -> "
                    + menteePart.person.email + (current != null ? " replacing " + current.mentor.email : "")
                    + ", impact " + (round.objective - before));
            return new Change("Paired " + mentorProfile.name() + " → " + menteeProfile.name() + " (pinned)"
                    + (current != null ? ", replacing " + current.mentor.fullName + "." : "."), before, round.objective);
        });
    }

    /**
     * Moves a person to another circle of the same meeting and pins them there; the sizes must stay
     * within the programme's bounds. The change is measured with the canonical circles score.
     */
    public String moveToCircle(long roundId, long personId, int meetingIndex, int circleNumber, long version,
            String actor) {
        return Transactions.write(() -> {
            MatchingRound round = editableRound(roundId, version, actor);
            List<RoundCircle> circles = RoundCircle.of(round);
            RoundCircle from = circles.stream().filter(c -> c.meetingIndex == meetingIndex
                    && c.members.stream().anyMatch(m -> m.personId() == personId)).findFirst()
                    .orElseThrow(() -> new RuleViolationException("That person is in no circle of meeting " + (meetingIndex + 1) + "."));
            RoundCircle to = circles.stream().filter(c -> c.meetingIndex == meetingIndex && c.circleNumber == circleNumber)
                    .findFirst().orElseThrow(() -> new RuleViolationException("Meeting " + (meetingIndex + 1)
                            + " has no circle " + circleNumber + "."));
            if (from == to) {
                throw new RuleViolationException("That person is already in circle " + circleNumber + ".");
            }
            Program program = round.program;
            if (to.members.size() + 1 > program.groupMax) {
                throw new RuleViolationException("Circle " + circleNumber + " would have " + (to.members.size() + 1)
                        + " members; the largest allowed is " + program.groupMax + ".");
            }
            if (from.members.size() - 1 < program.groupMin) {
                throw new RuleViolationException("Circle " + from.circleNumber + " would have " + (from.members.size() - 1)
                        + " members; the smallest allowed is " + program.groupMin + ".");
            }
            java.util.Map<Long, ParticipantSnapshot> people = new java.util.HashMap<>();
            RoundParticipant.of(round).forEach(p -> people.put(p.person.id, ParticipantSnapshot.fromJson(p.profileJson)));
            List<List<String>> history = RoundResults.circleHistory(round);
            var settings = RoundProblems.circlesSettings(program);
            CircleScore before = CircleScore.of(memberLists(circles), history, people, settings);
            from.members.removeIf(m -> m.personId() == personId);
            to.members.add(new RoundCircle.Member(personId, true));
            CircleScore after = CircleScore.of(memberLists(circles), history, people, settings);
            round.circleRepeats = after.repeats();
            round.circleSoft = after.soft();
            String name = people.containsKey(personId) ? people.get(personId).profile().name() : "The person";
            // The log names people by email, like the pair entries, so a deletion can pseudonymise it.
            String who = people.containsKey(personId) ? people.get(personId).email() : "person " + personId;
            audit.recordAs(null, actor, "CIRCLE_MEMBER_MOVED", "CIRCLE", to.id, program.id, who + " from circle "
                    + from.circleNumber + " to " + circleNumber + " (meeting " + (meetingIndex + 1) + ")");
            long soft = after.soft() - before.soft();
            return "Moved " + name + " from circle " + from.circleNumber + " to circle " + circleNumber + " (pinned). "
                    + "Score impact: repeats " + before.repeats() + " → " + after.repeats() + ", circle penalty "
                    + before.soft() + " → " + after.soft() + " (" + (soft > 0 ? "+" + soft + ", worse" : soft < 0 ? soft + ", better" : "±0")
                    + ").";
        });
    }

    private static List<List<Long>> memberLists(List<RoundCircle> circles) {
        return circles.stream().map(c -> c.members.stream().map(RoundCircle.Member::personId).toList()).toList();
    }

    /**
     * Freezes the round, dates the circle meetings and queues every participant's notification in the
     * outbox, all in one transaction. Publishing a published round changes nothing, sends nothing and returns false.
     */
    public boolean publish(long roundId, String actor) {
        return Transactions.write(() -> freeze(roundId, actor));
    }

    private boolean freeze(long roundId, String actor) {
        MatchingRound round = round(roundId);
        if (round.status == RoundStatus.PUBLISHED) {
            return false;
        }
        if (round.status == RoundStatus.DISCARDED) {
            throw new RuleViolationException("Round " + round.number + " was discarded and cannot be published.");
        }
        if (round.solveState.running()) {
            throw new RuleViolationException("Round " + round.number + " is still solving: wait for it or stop it first.");
        }
        if (!round.publishable()) {
            throw new RuleViolationException("Round " + round.number + " cannot be published: its last solve "
                    + round.solveState.name().toLowerCase(Locale.ROOT) + " before it finished. Solve it again first.");
        }
        publication.schedule(round);
        publication.enqueueNotices(round);
        round.status = RoundStatus.PUBLISHED;
        round.publishedAt = Instant.now();
        round.lastChangedBy = actor;
        audit.recordAs(null, actor, "ROUND_PUBLISHED", "ROUND", round.id, round.program.id,
                round.matchedCount + " pairs, " + round.circleMemberCount + " circle members");
        return true;
    }

    /**
     * Discards a draft. A running solve is stopped first, outside any transaction (the blocking stop
     * inside one made the solver's final save and our write collide: 409). The final-best callback runs
     * on its own thread and may commit before or after us: whichever comes second sees the other's
     * write (we retry on a stale read; the callbacks leave a discarded round alone).
     */
    public void discard(long roundId, String actor) {
        boolean solving = Transactions.write(() -> discardable(round(roundId)).solveState.running());
        if (solving) {
            solver.stop(roundId);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Transactions.write(() -> markDiscarded(round(roundId), actor));
                return;
            } catch (StaleEditException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void markDiscarded(MatchingRound round, String actor) {
        if (round.status == RoundStatus.DISCARDED) {
            return;
        }
        if (discardable(round).solveState.running()) { // its final save has not committed yet, and now will not
            round.solveState = SolveState.STOPPED;
            round.solveEndedAt = Instant.now();
            round.solveMessage = "Stopped when the round was discarded.";
        }
        round.status = RoundStatus.DISCARDED;
        round.lastChangedBy = actor;
        audit.recordAs(null, actor, "ROUND_DISCARDED", "ROUND", round.id, round.program.id, "Round " + round.number);
    }

    private static MatchingRound discardable(MatchingRound round) {
        if (round.status == RoundStatus.PUBLISHED) {
            throw new RuleViolationException("Round " + round.number + " is published and can no longer be discarded.");
        }
        return round;
    }

    private MatchingRound editableRound(long roundId, long version, String actor) {
        MatchingRound round = round(roundId);
        if (round.status != RoundStatus.DRAFT) {
            throw new RuleViolationException("Round " + round.number + " is " + round.status.name().toLowerCase(Locale.ROOT)
                    + " and can no longer be changed.");
        }
        if (round.solveState.running()) {
            throw new RuleViolationException("Round " + round.number + " is solving: wait for it to finish or stop it first.");
        }
        if (round.version != version) {
            throw StaleEditException.changedBy(round.lastChangedBy);
        }
        round.lastChangedBy = actor;
        em.lock(round, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return round;
    }

    private static long objective(MatchingRound round) {
        return round.objective == null ? 0 : round.objective;
    }

    private static RoundParticipant participant(MatchingRound round, long personId) {
        return RoundParticipant.find("round = ?1 and person.id = ?2", round, personId).firstResult();
    }

    static MatchingRound round(long id) {
        return Found.orNotFound(MatchingRound.findById(id));
    }

    /** The pair, which must belong to the round named in the URL. */
    private static RoundPair pair(long roundId, long id) {
        RoundPair pair = Found.orNotFound(RoundPair.findById(id));
        return Found.orNotFound(pair.round.id == roundId ? pair : null);
    }
}
