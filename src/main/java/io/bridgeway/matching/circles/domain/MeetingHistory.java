package io.bridgeway.matching.circles.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which pairs of members (by index) already met in an earlier circle; a problem fact. */
public final class MeetingHistory {

    private final Set<Long> metPairs;

    public MeetingHistory(Set<Long> metPairs) {
        this.metPairs = Set.copyOf(metPairs);
    }

    public static MeetingHistory empty() {
        return new MeetingHistory(Set.of());
    }

    /** Groups of member indexes, for example earlier circles. */
    public static MeetingHistory ofGroups(Collection<? extends List<Integer>> groups) {
        Set<Long> met = new HashSet<>();
        for (List<Integer> group : groups) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    met.add(pairKey(group.get(i), group.get(j)));
                }
            }
        }
        return new MeetingHistory(met);
    }

    /** Order-free key of a pair of member indexes. */
    public static long pairKey(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) lo << 32) | hi;
    }

    public static int first(long pairKey) {
        return (int) (pairKey >>> 32);
    }

    public static int second(long pairKey) {
        return (int) pairKey;
    }

    public boolean met(int a, int b) {
        return metPairs.contains(pairKey(a, b));
    }

    public boolean met(long pairKey) {
        return metPairs.contains(pairKey);
    }

    public Set<Long> metPairs() {
        return metPairs;
    }
}
