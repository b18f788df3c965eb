package io.bridgeway.rounds;

/**
 * Fired synchronously inside the publishing transaction, after the round is frozen and its meetings dated, so
 * a feature that plans follow-ups (the feedback surveys) commits exactly with the publication.
 */
public record RoundPublished(MatchingRound round) {
}
