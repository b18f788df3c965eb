package io.bridgeway.matching.pairing.domain;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * Why a constraint matched, for SolutionManager.explain(...). A pair's description is the same sentence as its
 * line in the pair explanation (both come from {@link PairRules} and {@link HardRule}). mentorId is null for unmatched.
 */
public record PairJustification(String mentorId, String menteeId, String description) implements ConstraintJustification {

    public static PairJustification of(MenteeAssignment pair, String description) {
        return new PairJustification(pair.getMentor() == null ? null : pair.getMentor().getId(), pair.getMentee().getId(),
                description);
    }

    @Override
    public String toString() {
        return description;
    }
}
