package io.bridgeway.rounds;

/** Where a round is in its life: a draft under review, published (frozen), or discarded. */
public enum RoundStatus {
    DRAFT, PUBLISHED, DISCARDED
}
