package io.bridgeway.matching.circles.solver;

import java.util.Arrays;

/**
 * How often each pair of people has met (history counts at most once). A dense byte matrix up to
 * {@link #DENSE_LIMIT} people (36 MB at the limit); above, an open-addressing table keyed by the packed pair
 * (linear probing, deletion by backward shift, no boxing), so memory follows the pairs that met (a few per
 * person and round), not n².
 */
final class PairCounts {

    static final int DENSE_LIMIT = 6000;
    private static final long EMPTY = -1L;

    private final int n;
    private final byte[] dense;
    private long[] keys;
    private int[] values;
    private int mask;
    private int shift;
    private int size;

    PairCounts(int n) {
        this(n, n <= DENSE_LIMIT);
    }

    /** {@code dense = false} forces the table (tests compare both). */
    PairCounts(int n, boolean dense) {
        this.n = n;
        this.dense = dense ? new byte[n * n] : null;
        if (!dense) {
            allocate(1 << 12);
        }
    }

    int get(int a, int b) {
        if (dense != null) {
            return dense[a * n + b];
        }
        long key = key(a, b);
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return 0;
            }
        }
    }

    void add(int a, int b, int delta) {
        if (dense != null) {
            dense[a * n + b] += delta;
            dense[b * n + a] += delta;
            return;
        }
        long key = key(a, b);
        int i = slot(key);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == key) {
            int value = values[i] + delta;
            if (value == 0) {
                remove(i);
            } else {
                values[i] = value;
            }
        } else if (delta != 0) {
            keys[i] = key;
            values[i] = delta;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
    }

    /** Pairs with a non-zero count (table only; -1 for the dense matrix). */
    int size() {
        return dense == null ? size : -1;
    }

    private void remove(int hole) {
        // Backward shift: move later entries of the probe run into the hole unless their home slot lies
        // cyclically after the hole (then they would become unreachable).
        int i = hole;
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            if (keys[j] == EMPTY) {
                break;
            }
            int home = slot(keys[j]);
            boolean homeInRange = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!homeInRange) {
                keys[i] = keys[j];
                values[i] = values[j];
                i = j;
            }
        }
        keys[i] = EMPTY;
        values[i] = 0;
        size--;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i]);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: spreads the packed ids over the high bits
        return (int) (h >>> shift);
    }

    private static long key(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }
}
