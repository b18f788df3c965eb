package io.bridgeway.matching.pairing.domain;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/** Why a constraint matched, in plain words, for SolutionManager.explain(...). mentorId is null for unmatched. */
public record PairJustification(String mentorId, String menteeId, String description) implements ConstraintJustification {

    @Override
    public String toString() {
        return description;
    }
}
