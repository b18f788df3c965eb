package io.bridgeway.matching.circles.solver;

import java.util.HashMap;
import java.util.Map;

/** How often each pair of people has met (history counts at most once). Dense for small n, sparse above. */
final class PairCounts {

    private static final int DENSE_LIMIT = 6000;

    private final int n;
    private final byte[] dense;
    private final Map<Long, Integer> sparse;

    PairCounts(int n) {
        this.n = n;
        this.dense = n <= DENSE_LIMIT ? new byte[n * n] : null;
        this.sparse = dense == null ? new HashMap<>() : null;
    }

    int get(int a, int b) {
        if (dense != null) {
            return dense[a * n + b];
        }
        return sparse.getOrDefault(key(a, b), 0);
    }

    void add(int a, int b, int delta) {
        if (dense != null) {
            dense[a * n + b] += delta;
            dense[b * n + a] += delta;
        } else {
            sparse.merge(key(a, b), delta, (x, y) -> x + y == 0 ? null : x + y);
        }
    }

    private static long key(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }
}
