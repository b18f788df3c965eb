package io.bridgeway.matching.circles.domain;

import java.util.Set;

/**
 * Pairs of members (by index, {@link MeetingHistory#pairKey}) who must never share a circle; a problem fact.
 * Confidential: it decides the score but is never named in explanations.
 */
public final class KeptApart {

    private final Set<Long> pairs;

    public KeptApart(Set<Long> pairs) {
        this.pairs = Set.copyOf(pairs);
    }

    public static KeptApart none() {
        return new KeptApart(Set.of());
    }

    public boolean contains(int a, int b) {
        return !pairs.isEmpty() && pairs.contains(MeetingHistory.pairKey(a, b));
    }

    public Set<Long> pairs() {
        return pairs;
    }
}
