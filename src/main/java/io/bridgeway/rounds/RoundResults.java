package io.bridgeway.rounds;

import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.solver.PairingResult;
import io.bridgeway.people.Person;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactions around a solve: loading a round's problem, and writing the solver's result back.
 * Solver callbacks run on solver threads, so every method here opens its own transaction.
 */
@ApplicationScoped
public class RoundResults {

    @Inject
    EntityManager em;

    @Transactional
    public PairingProblem loadPairingProblem(long roundId) {
        MatchingRound round = MatchingRound.findById(roundId);
        List<PairingProblem.PinnedPair> pins = RoundPair.<RoundPair>list("round = ?1 and pinned = true", round).stream()
                .map(p -> new PairingProblem.PinnedPair(String.valueOf(p.mentee.id), String.valueOf(p.mentor.id)))
                .toList();
        return RoundProblems.pairing(round, RoundParticipant.of(round), history(round), pins);
    }

    /** Pairs of the programme's earlier published rounds; 1 round ago = the previous round. */
    static List<PairingProblem.PreviousPair> history(MatchingRound round) {
        List<PairingProblem.PreviousPair> history = new ArrayList<>();
        List<RoundPair> earlier = RoundPair.list("round.program = ?1 and round.status = ?2 and round.number < ?3",
                round.program, RoundStatus.PUBLISHED, round.number);
        for (RoundPair pair : earlier) {
            history.add(new PairingProblem.PreviousPair(String.valueOf(pair.mentor.id), String.valueOf(pair.mentee.id),
                    round.number - pair.round.number));
        }
        return history;
    }

    /** Replaces the solver-made pairs of a draft with the result; pinned pairs were kept by the solver. */
    @Transactional
    public void savePairing(long roundId, PairingResult result, boolean stopped) {
        MatchingRound round = MatchingRound.findById(roundId);
        if (round == null || !round.draft()) {
            return; // discarded while solving: nothing to keep
        }
        RoundPair.delete("round = ?1 and pinned = false", round);
        RoundUnmatched.delete("round = ?1", round);
        em.flush();
        for (PairingResult.MatchedPair pair : result.pairs()) {
            if (pair.pinned()) {
                continue; // stored already, unchanged
            }
            RoundPair stored = new RoundPair();
            stored.round = round;
            stored.mentor = person(pair.mentorId());
            stored.mentee = person(pair.menteeId());
            stored.value = pair.value();
            stored.explanation = RoundPair.joinExplanation(pair.explanation());
            stored.persist();
        }
        for (PairingResult.UnmatchedMentee unmatched : result.unmatched()) {
            RoundUnmatched stored = new RoundUnmatched();
            stored.round = round;
            stored.mentee = person(unmatched.menteeId());
            stored.reason = unmatched.reason();
            stored.persist();
        }
        round.score = result.score();
        round.objective = result.objective();
        round.matchedCount = result.pairs().size();
        round.menteeCount = result.pairs().size() + result.unmatched().size();
        finish(round, stopped ? SolveState.STOPPED : SolveState.SOLVED,
                stopped ? "Stopped early; the best solution found so far is shown." : null);
    }

    @Transactional
    public void finished(long roundId, SolveState state, String message) {
        MatchingRound round = MatchingRound.findById(roundId);
        if (round != null) {
            finish(round, state, message);
        }
    }

    private static void finish(MatchingRound round, SolveState state, String message) {
        round.solveState = state;
        round.solveEndedAt = Instant.now();
        round.solveMessage = message == null ? null : message.length() > 1000 ? message.substring(0, 999) : message;
    }

    /** A solve cannot outlive the process: rounds still marked as solving were interrupted. */
    @Transactional
    void markInterrupted(@Observes StartupEvent event) {
        List<MatchingRound> running = MatchingRound.list("solveState", SolveState.SOLVING);
        for (MatchingRound round : running) {
            finish(round, SolveState.INTERRUPTED, "The application stopped while this round was solving. Solve it again.");
        }
        if (!running.isEmpty()) {
            Log.warnf("Marked %d interrupted round solve(s)", running.size());
        }
    }

    private Person person(String id) {
        return em.getReference(Person.class, Long.valueOf(id));
    }
}
