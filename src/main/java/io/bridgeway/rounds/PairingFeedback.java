package io.bridgeway.rounds;

import io.bridgeway.matching.pairing.domain.PairingProblem;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What participants' answers ask of the next pairing solve. Implemented by the feedback feature, which
 * depends on rounds (not the other way round). Both run inside the caller's transaction.
 */
public interface PairingFeedback {

    /** Confidential do-not-pairs among these people (person ids); never shown with who asked or why. */
    List<PairingProblem.DoNotPair> exclusionsAmong(Set<String> personIds);

    /**
     * Pairs of the programme's previous published round both sides want to continue, when the programme asks for
     * it; never a mentee, or a mentor's seat, that a manager pinned in this round, nor a pair a manager split,
     * nor one of the {@code keptApart} pairs (person ids, see {@link KeptApart}) of this round's people.
     */
    List<PairingProblem.PinnedPair> continuingPairs(MatchingRound round, Collection<List<String>> keptApart);
}
