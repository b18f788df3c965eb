package io.bridgeway.matching.pairing.domain;

/** One term of a pair's value: the constraint it comes from, its points and a plain-words sentence. */
public record Contribution(String constraint, long points, String text) {
}
