package io.bridgeway.matching.circles.solver;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PairCountsTest {

    /** Random meets and un-meets, as the swap search does them, checked against a plain map after every step. */
    @Test
    void tableAgreesWithAReferenceMapThroughGrowthAndDeletions() {
        int n = 30_000;
        PairCounts table = new PairCounts(n, false);
        Map<Long, Integer> reference = new HashMap<>();
        Random random = new Random(7);
        long[] touched = new long[200_000];
        int touchedCount = 0;
        for (int step = 0; step < 400_000; step++) {
            int a;
            int b;
            if (touchedCount > 0 && random.nextInt(3) > 0) { // mostly revisit known pairs, so counts fall back to 0
                long pair = touched[random.nextInt(touchedCount)];
                a = (int) (pair >>> 32);
                b = (int) pair;
            } else {
                a = random.nextInt(n);
                b = random.nextInt(n - 1);
                b = b >= a ? b + 1 : b;
                if (touchedCount < touched.length) {
                    touched[touchedCount++] = ((long) a << 32) | b;
                }
            }
            long key = Math.min(a, b) * (long) n + Math.max(a, b);
            int current = reference.getOrDefault(key, 0);
            int delta = current > 0 && random.nextBoolean() ? -1 : 1;
            reference.merge(key, delta, (x, y) -> x + y == 0 ? null : x + y);
            table.add(a, b, delta);
            assertEquals(reference.getOrDefault(key, 0), table.get(b, a), "pair " + a + "," + b + " at step " + step);
        }
        assertEquals(reference.size(), table.size());
        for (Map.Entry<Long, Integer> entry : reference.entrySet()) {
            int a = (int) (entry.getKey() / n);
            int b = (int) (entry.getKey() % n);
            assertEquals(entry.getValue(), table.get(a, b));
        }
        // and pairs never met read 0
        for (int i = 0; i < 1000; i++) {
            int a = random.nextInt(n);
            int b = (a + 1 + random.nextInt(n - 1)) % n;
            long key = Math.min(a, b) * (long) n + Math.max(a, b);
            assertEquals(reference.getOrDefault(key, 0), table.get(a, b));
        }
    }

    @Test
    void denseAndTableGiveTheSameCounts() {
        int n = 500;
        PairCounts dense = new PairCounts(n, true);
        PairCounts table = new PairCounts(n, false);
        Random random = new Random(3);
        for (int step = 0; step < 50_000; step++) {
            int a = random.nextInt(n);
            int b = (a + 1 + random.nextInt(n - 1)) % n;
            int delta = dense.get(a, b) > 0 && random.nextBoolean() ? -1 : 1;
            dense.add(a, b, delta);
            table.add(b, a, delta);
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    assertEquals(dense.get(a, b), table.get(a, b));
                }
            }
        }
    }
}
