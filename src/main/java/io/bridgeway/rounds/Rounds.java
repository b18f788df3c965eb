package io.bridgeway.rounds;

import io.bridgeway.web.Found;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.StaleEditException;
import jakarta.persistence.LockModeType;
import java.util.Locale;

/** Lookups and the edit check shared by the round services; call them inside a transaction. */
final class Rounds {

    private Rounds() {
    }

    static MatchingRound round(long id) {
        return Found.orNotFound(MatchingRound.findById(id));
    }

    /** The pair, which must belong to the round named in the URL (otherwise 404). */
    static RoundPair pair(long roundId, long pairId) {
        RoundPair pair = Found.orNotFound(RoundPair.findById(pairId));
        return Found.orNotFound(pair.round.id == roundId ? pair : null);
    }

    /**
     * The draft, when it may be changed from {@code version}: not while a solve runs (so a solver callback
     * never races a manual change), and not from a stale page. Bumps the version for the next editor.
     */
    static MatchingRound editable(long roundId, long version, String actor) {
        MatchingRound round = round(roundId);
        if (round.status != RoundStatus.DRAFT) {
            throw new RuleViolationException("Round " + round.number + " is " + round.status.name().toLowerCase(Locale.ROOT)
                    + " and can no longer be changed.");
        }
        if (round.solveState.running()) {
            throw new RuleViolationException("Round " + round.number + " is solving: wait for it to finish or stop it first.");
        }
        seen(round, version);
        round.lastChangedBy = actor;
        MatchingRound.getEntityManager().lock(round, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return round;
    }

    /** Refuses when the round changed since the manager saw it at {@code version}; null: no version to check. */
    static void seen(MatchingRound round, Long version) {
        if (version != null && round.version != version) {
            throw StaleEditException.changedBy(round.lastChangedBy);
        }
    }

    static long objective(MatchingRound round) {
        return round.objective == null ? 0 : round.objective;
    }
}
