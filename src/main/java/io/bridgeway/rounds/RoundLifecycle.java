package io.bridgeway.rounds;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.programs.Enrollment;
import io.bridgeway.programs.Program;
import io.bridgeway.web.Found;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.StaleEditException;
import io.bridgeway.web.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A round's life: start (snapshot and solve), solve again, stop, publish and discard. Each step commits
 * in its own transaction before a solver thread or the outbox reads it.
 */
@ApplicationScoped
public class RoundLifecycle {

    @Inject
    EntityManager em;

    @Inject
    RoundSolver solver;

    @Inject
    RoundJobs jobs;

    @Inject
    AuditLog audit;

    @Inject
    RoundPublication publication;

    @Inject
    KeptApart keptApart;

    @Inject
    jakarta.enterprise.event.Event<RoundPublished> published;

    public record Started(long roundId, int number) {
    }

    /** Snapshots the enrolled participants into a new draft round and starts solving it. */
    public Started start(long programId, String actor) {
        // Commit the snapshot before the solver thread reads it.
        Claimed claimed = Transactions.write(() -> {
            MatchingRound round = createRound(programId, actor);
            return new Claimed(new Started(round.id, round.number), jobs.claim(round.id));
        });
        solver.solve(claimed.started().roundId(), claimed.claim());
        return claimed.started();
    }

    /** A started round and its solve's claim (see {@link RoundJobs#claim}). */
    private record Claimed(Started started, String claim) {
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
        List<Enrollment> enrolled = Enrollment.ofProgram(program).stream().filter(e -> e.person.active).toList();
        if (enrolled.isEmpty()) {
            throw new RuleViolationException("Nobody is enrolled in this programme yet.");
        }
        List<Enrollment> enrollments = Enrollment.takingPartOn(program, LocalDate.now()); // the paused sit this one out
        int paused = enrolled.size() - enrollments.size();
        if (enrollments.isEmpty()) {
            throw new RuleViolationException("Everyone enrolled in this programme has paused: start a round when "
                    + "someone is back.");
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
                "Round " + round.number + " with " + enrollments.size() + " participants"
                        + (paused > 0 ? ", " + paused + " paused" : ""));
        return round;
    }

    /**
     * Solves the draft again; pinned pairs stay, everything else is re-optimised. Participants who left the
     * programme or were deactivated since the draft was made are dropped first.
     */
    public void resolve(long roundId, long version, String actor) {
        String claim = Transactions.write(() -> {
            MatchingRound round = Rounds.editable(roundId, version, actor);
            int left = DraftLeavers.dropAll(round);
            round.solveState = SolveState.SOLVING;
            round.solveStartedAt = Instant.now();
            round.solveEndedAt = null;
            round.solveMessage = null;
            audit.recordAs(null, actor, "ROUND_RESOLVED", "ROUND", round.id, round.program.id, "Solve again, pins kept"
                    + (left > 0 ? "; " + left + " who left since the draft was made dropped" : ""));
            return jobs.claim(round.id);
        });
        solver.solve(roundId, claim);
    }

    /**
     * Stops a running solve; the solver's final-best callback saves the best solution so far. The
     * blocking stop runs outside any transaction, so that callback's commit cannot make ours stale.
     */
    public void stop(long roundId, String actor) {
        Transactions.write(() -> {
            MatchingRound round = Rounds.round(roundId);
            if (!round.solveState.running()) {
                throw new RuleViolationException("Round " + round.number + " is not solving.");
            }
            jobs.requestStop(roundId); // the solve may run on another node
            audit.recordAs(null, actor, "ROUND_STOPPED", "ROUND", round.id, round.program.id, "Stopped early");
        });
        solver.stop(roundId);
    }

    /**
     * Freezes the round, dates the circle meetings and queues every participant's notification in the
     * outbox, all in one transaction; refused while someone who left since the draft was made is still in it.
     * Publishing a published round changes nothing, sends nothing and returns false.
     */
    public boolean publish(long roundId, Long seenVersion, String actor) {
        return Transactions.write(() -> freeze(roundId, seenVersion, actor));
    }

    private boolean freeze(long roundId, Long seenVersion, String actor) {
        MatchingRound round = Rounds.round(roundId);
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
        Rounds.seen(round, seenVersion); // another manager's unseen edit must not go out in everyone's mail
        DraftLeavers.refuseWhileAny(round); // publishing would pair them and mail their contact details to partners
        if (keepsApartBroken(round)) {
            // never say who or why: the lists and ratings behind it are confidential
            throw new RuleViolationException("Round " + round.number + " cannot be published: the matching rules "
                    + "for some participants changed since this draft was solved. Solve again, then publish.");
        }
        publication.schedule(round);
        publication.enqueueNotices(round);
        round.status = RoundStatus.PUBLISHED;
        round.publishedAt = Instant.now();
        round.lastChangedBy = actor;
        published.fire(new RoundPublished(round));
        audit.recordAs(null, actor, "ROUND_PUBLISHED", "ROUND", round.id, round.program.id,
                round.matchedCount + " pairs, " + round.circleMemberCount + " circle members");
        return true;
    }

    /**
     * Whether the draft pairs or seats together two people who must be kept apart: a do-not-pair entry or a low
     * rating added after it was solved, or a pin made before one.
     */
    private boolean keepsApartBroken(MatchingRound round) {
        List<List<String>> apart = keptApart.among(RoundParticipant.of(round));
        if (apart.isEmpty()) {
            return false;
        }
        boolean pairBroken = RoundPair.of(round).stream()
                .anyMatch(pair -> KeptApart.includes(apart, pair.mentor.id, pair.mentee.id));
        return pairBroken || RoundCircle.of(round).stream().anyMatch(circle -> circle.members.stream()
                .anyMatch(a -> circle.members.stream().anyMatch(b -> a.person.id < b.person.id
                        && KeptApart.includes(apart, a.person.id, b.person.id))));
    }

    /**
     * Discards a draft. A running solve is stopped first, outside any transaction (the blocking stop
     * inside one made the solver's final save and our write collide: 409). The final-best callback runs
     * on its own thread and may commit before or after us: whichever comes second sees the other's
     * write (we retry on a stale read; the callbacks leave a discarded round alone).
     */
    public void discard(long roundId, Long seenVersion, String actor) {
        boolean solving = Transactions.write(() -> {
            MatchingRound round = discardable(Rounds.round(roundId));
            if (round.status != RoundStatus.DISCARDED) { // discarding twice changes nothing
                Rounds.seen(round, seenVersion);
            }
            boolean running = round.solveState.running();
            if (running) {
                jobs.requestStop(roundId); // the solve may run on another node
            }
            return running;
        });
        if (solving) {
            solver.stop(roundId);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Transactions.write(() -> markDiscarded(Rounds.round(roundId), actor));
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

}
