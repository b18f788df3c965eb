package io.bridgeway.matching.circles.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Dotú & Van Hentenryck's tabu search for the social golfer problem ("Scheduling social golfers locally",
 * CPAIOR 2005), for circles without soft rules. Objective f = the sum over pairs of max(0, meetings - 1), plus a
 * heavy weight per meeting of a kept-apart pair. A step evaluates every swap of two people of one round in
 * different groups where the first is in conflict there (a group-mate met more than once, or kept apart), in
 * O(group size) from the meeting counts, and takes the best non-tabu one (ties at random); a tabu swap only when
 * it beats the best f. The swapped pair is tabu in that round for a random tenure. After {@code maxStable} steps
 * without a new best, the search goes back to the best assignment with a few random swaps. Swaps keep group sizes,
 * and pinned people never move.
 * <p>
 * The tabu search alone plateaus at 5-6 repeats on golfers 8-4-9 (as does a plain re-implementation of the paper
 * measured beside it), so when nobody is pinned and there are p^k people in groups of p^m (p prime), the search
 * starts from an affine design if that has fewer repeats than the given start: people are the vectors of GF(p)^k,
 * a round's groups are the cosets of an m-dimensional subspace, and rounds whose subspaces share only the zero
 * vector share no pair (a partial spread, found by randomized greedy). 32 people in fours get 9 such rounds.
 */
final class GolferTabu {

    /** A kept-apart pair in one group costs more than all repeats together could. */
    private static final long APART = 1L << 24;
    /** Dense arrays of rounds x people x people ints (the tabu list); larger instances keep the swap search. */
    private static final long MAX_CELLS = 4_000_000;

    /**
     * Tenure drawn in [tenureMin, tenureMax]; after maxStable steps without a new best of the run, back to that best
     * with up to perturbSwaps random swaps; after restartAfter such perturbations without gain (0: never), a new
     * run from a random assignment; affineStart: try the affine design as the start (see above).
     */
    record Tuning(int tenureMin, int tenureMax, int maxStable, int perturbSwaps, int restartAfter,
            boolean affineStart) {
        static final Tuning DEFAULT = new Tuning(3, 10, 200, 5, 0, true);
    }

    private final Tuning tuning;
    private final Random random;
    private final int n;
    private final int rounds;
    private final int groups;
    private final boolean[][] pinned;
    private final boolean[] apart;     // [a * n + b], or null when nobody is kept apart
    private final int[] initialMeets;  // [a * n + b] history
    private final int[] meets;         // [a * n + b]
    private final int[][] group;       // [round][person] -> group
    private final int[][][] members;   // [round][group][seat] -> person
    private final int[][] seat;        // [round][person] -> seat
    private final int[][] conflicts;   // [round][person] -> group-mates met more than once or kept apart
    private final int[][] tabuUntil;   // [round][a * n + b] -> step
    private final long[] leave;        // step scratch: [person] -> leaveDelta in the round searched
    private final long[] joinGroupA;   // step scratch: [person] -> joinAll of the conflicted person's group
    private long f;
    private long bestF = Long.MAX_VALUE;
    private int[][] bestGroup;
    private long runBestF;
    private int[][] runBestGroup;
    private long steps;
    private long perturbations;
    private long restarts;

    static boolean fits(int people, int rounds) {
        return (long) people * people * rounds <= MAX_CELLS;
    }

    /**
     * @param start    [round][person] -> group, a valid assignment (sizes and pins) to start from
     * @param history  pairs (as MeetingHistory keys) that met before the first round
     * @param keptApart pairs that must never share a group
     */
    GolferTabu(int people, int groups, int[][] start, boolean[][] pinned, java.util.Set<Long> history,
            java.util.Set<Long> keptApart, long seed, Tuning tuning) {
        this.tuning = tuning;
        this.random = new Random(seed);
        this.n = people;
        this.rounds = start.length;
        this.groups = groups;
        this.pinned = pinned;
        this.initialMeets = new int[n * n];
        for (long pair : history) {
            int a = io.bridgeway.matching.circles.domain.MeetingHistory.first(pair);
            int b = io.bridgeway.matching.circles.domain.MeetingHistory.second(pair);
            initialMeets[a * n + b] = initialMeets[b * n + a] = 1;
        }
        this.apart = keptApart.isEmpty() ? null : new boolean[n * n];
        for (long pair : keptApart) {
            int a = io.bridgeway.matching.circles.domain.MeetingHistory.first(pair);
            int b = io.bridgeway.matching.circles.domain.MeetingHistory.second(pair);
            apart[a * n + b] = apart[b * n + a] = true;
        }
        this.meets = new int[n * n];
        this.group = new int[rounds][n];
        this.members = new int[rounds][groups][];
        this.seat = new int[rounds][n];
        this.conflicts = new int[rounds][n];
        this.tabuUntil = new int[rounds][n * n];
        this.leave = new long[n];
        this.joinGroupA = new long[n];
        load(start);
        if (tuning.affineStart()) {
            startFromAffineDesignIfBetter(start);
        }
    }

    /**
     * Runs until f is 0, the deadline passes, no new best for {@code unimprovedNanos} or stop says so (checked
     * every 16 steps); returns the best assignment.
     */
    int[][] solve(long deadlineNanos, long unimprovedNanos, BooleanSupplier stop) {
        saveBest();
        saveRunBest();
        long lastImprovement = 0;
        long lastBestNanos = System.nanoTime();
        int perturbationsWithoutGain = 0;
        for (steps = 1; bestF > 0; steps++) {
            if ((steps & 15) == 0) {
                long now = System.nanoTime();
                if (now >= deadlineNanos || now - lastBestNanos >= unimprovedNanos || stop.getAsBoolean()) {
                    break;
                }
            }
            boolean moved = step();
            if (f < runBestF) {
                saveRunBest();
                lastImprovement = steps;
                perturbationsWithoutGain = 0;
                if (f < bestF) {
                    saveBest();
                    lastBestNanos = System.nanoTime();
                }
            } else if (!moved || steps - lastImprovement > tuning.maxStable()) {
                if (tuning.restartAfter() > 0 && ++perturbationsWithoutGain > tuning.restartAfter()) {
                    restartAtRandom();
                    perturbationsWithoutGain = 0;
                } else {
                    perturbFromRunBest();
                }
                lastImprovement = steps;
            }
        }
        return bestGroup;
    }

    long bestRepeats() {
        return bestF % APART;
    }

    long bestKeptApartMeetings() {
        return bestF / APART;
    }

    long steps() {
        return steps;
    }

    long perturbations() {
        return perturbations;
    }

    long restarts() {
        return restarts;
    }

    // ---- state ----

    private void load(int[][] assignment) {
        System.arraycopy(initialMeets, 0, meets, 0, meets.length);
        int[] filled = new int[groups];
        for (int r = 0; r < rounds; r++) {
            java.util.Arrays.fill(filled, 0);
            for (int p = 0; p < n; p++) {
                filled[assignment[r][p]]++;
            }
            for (int g = 0; g < groups; g++) {
                members[r][g] = new int[filled[g]];
            }
            java.util.Arrays.fill(filled, 0);
            for (int p = 0; p < n; p++) {
                int g = assignment[r][p];
                group[r][p] = g;
                seat[r][p] = filled[g];
                members[r][g][filled[g]++] = p;
            }
            for (int[] m : members[r]) {
                for (int i = 0; i < m.length; i++) {
                    for (int j = i + 1; j < m.length; j++) {
                        meets[m[i] * n + m[j]]++;
                        meets[m[j] * n + m[i]]++;
                    }
                }
            }
        }
        f = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                f += Math.max(0, meets[a * n + b] - 1);
                if (apart != null && apart[a * n + b]) {
                    f += APART * (meets[a * n + b] - initialMeets[a * n + b]);
                }
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < n; p++) {
                int count = 0;
                for (int x : members[r][group[r][p]]) {
                    if (x != p) {
                        count += (meets[p * n + x] >= 2 ? 1 : 0) + (isApart(p, x) ? 1 : 0);
                    }
                }
                conflicts[r][p] = count;
            }
        }
    }

    private boolean isApart(int a, int b) {
        return apart != null && apart[a * n + b];
    }

    /** Change of f when p leaves its group in round r (p's pairs with the others end). */
    private long leaveDelta(int r, int p) {
        long delta = 0;
        for (int x : members[r][group[r][p]]) {
            if (x != p) {
                delta -= (meets[p * n + x] >= 2 ? 1 : 0) + (isApart(p, x) ? APART : 0);
            }
        }
        return delta;
    }

    /** Change of f when p and x start to share a group. */
    private long joinCost(int p, int x) {
        return (meets[p * n + x] >= 1 ? 1 : 0) + (isApart(p, x) ? APART : 0);
    }

    /** Change of f when p joins all of {@code m}. */
    private long joinAll(int p, int[] m) {
        long delta = 0;
        for (int x : m) {
            delta += joinCost(p, x);
        }
        return delta;
    }

    // ---- the tabu step ----

    /**
     * One step; false when every move is tabu and none meets the aspiration (then the caller perturbs). A swap's
     * delta is leave(a) + leave(b) + join(a, b's group without b) + join(b, a's group without a); the leave terms
     * and b's join of a's whole group are computed once per round and group, so each swap costs O(1).
     */
    private boolean step() {
        long bestDelta = Long.MAX_VALUE;
        int bestR = -1;
        int bestA = -1;
        int bestB = -1;
        int ties = 0;
        long iteration = steps;
        for (int r = 0; r < rounds; r++) {
            int[] roundConflicts = conflicts[r];
            boolean any = false;
            for (int p = 0; p < n && !any; p++) {
                any = roundConflicts[p] > 0 && !pinned[r][p];
            }
            if (!any) {
                continue;
            }
            int[] tabu = tabuUntil[r];
            for (int p = 0; p < n; p++) {
                leave[p] = leaveDelta(r, p);
            }
            for (int ga = 0; ga < groups; ga++) {
                int[] groupA = members[r][ga];
                boolean joinsKnown = false;
                for (int a : groupA) {
                    if (roundConflicts[a] == 0 || pinned[r][a]) {
                        continue;
                    }
                    if (!joinsKnown) {
                        for (int p = 0; p < n; p++) {
                            joinGroupA[p] = joinAll(p, groupA);
                        }
                        joinsKnown = true;
                    }
                    long leaveA = leave[a];
                    for (int g = 0; g < groups; g++) {
                        if (g == ga) {
                            continue;
                        }
                        int[] groupB = members[r][g];
                        long joinA = joinAll(a, groupB);
                        for (int b : groupB) {
                            if (pinned[r][b]) {
                                continue;
                            }
                            long ab = joinCost(a, b);
                            long delta = leaveA + leave[b] + joinA - ab + joinGroupA[b] - ab;
                            if (delta > bestDelta) {
                                continue;
                            }
                            boolean isTabu = tabu[a < b ? a * n + b : b * n + a] > iteration;
                            if (isTabu && f + delta >= runBestF) {
                                continue;
                            }
                            if (delta < bestDelta) {
                                bestDelta = delta;
                                ties = 1;
                                bestR = r;
                                bestA = a;
                                bestB = b;
                            } else if (random.nextInt(++ties) == 0) {
                                bestR = r;
                                bestA = a;
                                bestB = b;
                            }
                        }
                    }
                }
            }
        }
        if (bestR < 0) {
            return false;
        }
        long before = f;
        swap(bestR, bestA, bestB);
        assert f == before + bestDelta : "delta " + bestDelta + " but f went " + before + " -> " + f;
        int tenure = tuning.tenureMin() + random.nextInt(tuning.tenureMax() - tuning.tenureMin() + 1);
        tabuUntil[bestR][bestA < bestB ? bestA * n + bestB : bestB * n + bestA] = (int) Math.min(Integer.MAX_VALUE,
                iteration + tenure);
        return true;
    }

    private void swap(int r, int a, int b) {
        int ga = group[r][a];
        int gb = group[r][b];
        for (int x : members[r][ga]) {
            if (x != a) {
                unmeet(r, a, x);
                meet(r, b, x);
            }
        }
        for (int y : members[r][gb]) {
            if (y != b) {
                unmeet(r, b, y);
                meet(r, a, y);
            }
        }
        GolferTabu.exchangeSeats(members[r], group[r], seat[r], a, b);
    }

    /** Swaps a and b (in different groups of one round) in the round's member, group and seat arrays. */
    static void exchangeSeats(int[][] members, int[] group, int[] seat, int a, int b) {
        int ga = group[a];
        int gb = group[b];
        int sa = seat[a];
        int sb = seat[b];
        members[ga][sa] = b;
        members[gb][sb] = a;
        group[a] = gb;
        group[b] = ga;
        seat[a] = sb;
        seat[b] = sa;
    }

    /** a and x meet in round r (before the group arrays say so). */
    private void meet(int r, int a, int x) {
        int before = meets[a * n + x]++;
        meets[x * n + a]++;
        if (before >= 1) {
            f++;
            conflicts[r][a]++;
            conflicts[r][x]++;
            if (before == 1) {
                markOtherRounds(r, a, x, 1);
            }
        }
        if (isApart(a, x)) {
            f += APART;
            conflicts[r][a]++;
            conflicts[r][x]++;
        }
    }

    private void unmeet(int r, int a, int x) {
        int before = meets[a * n + x]--;
        meets[x * n + a]--;
        if (before >= 2) {
            f--;
            conflicts[r][a]--;
            conflicts[r][x]--;
            if (before == 2) {
                markOtherRounds(r, a, x, -1);
            }
        }
        if (isApart(a, x)) {
            f -= APART;
            conflicts[r][a]--;
            conflicts[r][x]--;
        }
    }

    /** The pair's meeting in the other rounds became (1) or stopped being (-1) a repeat. */
    private void markOtherRounds(int r, int a, int x, int sign) {
        for (int other = 0; other < rounds; other++) {
            if (other != r && group[other][a] == group[other][x]) {
                conflicts[other][a] += sign;
                conflicts[other][x] += sign;
            }
        }
    }

    // ---- best and perturbation ----

    private void saveBest() {
        bestF = f;
        bestGroup = copy(group);
    }

    private void saveRunBest() {
        runBestF = f;
        runBestGroup = copy(group);
    }

    private static int[][] copy(int[][] assignment) {
        int[][] copy = new int[assignment.length][];
        for (int r = 0; r < assignment.length; r++) {
            copy[r] = assignment[r].clone();
        }
        return copy;
    }

    /** Back to the run's best assignment, then a few random swaps in random rounds; the tabu list starts empty. */
    private void perturbFromRunBest() {
        perturbations++;
        load(runBestGroup);
        clearTabu();
        int swaps = 1 + random.nextInt(Math.max(1, tuning.perturbSwaps()));
        for (int k = 0, tries = 0; k < swaps && tries < 100 * swaps; tries++) {
            int r = random.nextInt(rounds);
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (group[r][a] != group[r][b] && !pinned[r][a] && !pinned[r][b]) {
                swap(r, a, b);
                k++;
            }
        }
    }

    /** A new run: in every round the unpinned people are shuffled over the unpinned seats. */
    private void restartAtRandom() {
        restarts++;
        int[][] assignment = copy(group);
        int[] free = new int[n];
        for (int r = 0; r < rounds; r++) {
            int count = 0;
            for (int p = 0; p < n; p++) {
                if (!pinned[r][p]) {
                    free[count++] = p;
                }
            }
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int groupI = assignment[r][free[i]];
                assignment[r][free[i]] = assignment[r][free[j]];
                assignment[r][free[j]] = groupI;
            }
        }
        load(assignment);
        clearTabu();
        saveRunBest();
    }

    private void clearTabu() {
        for (int[] tabu : tabuUntil) {
            java.util.Arrays.fill(tabu, 0);
        }
    }

    // ---- affine start ----

    /** Loads the affine design (rounds beyond its spread keep {@code start}) when it has a lower f than start. */
    private void startFromAffineDesignIfBetter(int[][] start) {
        int[][] design = affineDesign(start);
        if (design == null) {
            return;
        }
        long startF = f;
        load(design);
        if (f >= startF) {
            load(start);
        }
    }

    /** The affine start, or null when someone is pinned or the sizes are not p^k people in groups of p^m. */
    private int[][] affineDesign(int[][] start) {
        for (boolean[] round : pinned) {
            for (boolean isPinned : round) {
                if (isPinned) {
                    return null;
                }
            }
        }
        if (groups < 2 || n % groups != 0) {
            return null;
        }
        int size = n / groups;
        for (int[] round : start) {
            int[] filled = new int[groups];
            for (int g : round) {
                if (++filled[g] > size) {
                    return null; // unequal groups
                }
            }
        }
        int prime = smallestPrimeFactor(size);
        int dimension = exponent(size, prime);
        int spaceDimension = exponent(n, prime);
        if (dimension < 1 || spaceDimension <= dimension) {
            return null;
        }
        AffineSpace space = new AffineSpace(prime, spaceDimension);
        List<int[]> spread = space.partialSpread(dimension, rounds, random);
        int[][] design = copy(start);
        for (int r = 0; r < spread.size(); r++) {
            design[r] = space.cosets(spread.get(r));
        }
        return design;
    }

    private static int smallestPrimeFactor(int value) {
        for (int p = 2; (long) p * p <= value; p++) {
            if (value % p == 0) {
                return p;
            }
        }
        return value;
    }

    /** k with base^k == value, or -1. */
    private static int exponent(int value, int base) {
        int k = 0;
        for (long power = 1; power <= value; power *= base, k++) {
            if (power == value) {
                return k;
            }
        }
        return -1;
    }

    /** GF(p)^k with its vectors numbered 0..p^k-1 by their base-p digits. */
    record AffineSpace(int prime, int dimension) {

        int size() {
            int size = 1;
            for (int i = 0; i < dimension; i++) {
                size *= prime;
            }
            return size;
        }

        /** a + c * b, digit by digit mod p. */
        int addScaled(int a, int b, int c) {
            int result = 0;
            for (int i = 0, place = 1; i < dimension; i++, place *= prime) {
                result += (a % prime + c * (b % prime)) % prime * place;
                a /= prime;
                b /= prime;
            }
            return result;
        }

        /**
         * Up to {@code wanted} m-dimensional subspaces (each as its p^m vectors) that pairwise share only 0:
         * randomized greedy, repeated a few times, keeping the largest.
         */
        List<int[]> partialSpread(int m, int wanted, Random random) {
            List<int[]> best = List.of();
            for (int trial = 0; trial < 50 && best.size() < wanted; trial++) {
                List<int[]> spread = greedySpread(m, wanted, random);
                if (spread.size() > best.size()) {
                    best = spread;
                }
            }
            return best;
        }

        private List<int[]> greedySpread(int m, int wanted, Random random) {
            int size = size();
            boolean[] used = new boolean[size];
            List<int[]> spread = new ArrayList<>();
            int[] candidates = new int[size];
            for (int attempt = 0; attempt < 200 && spread.size() < wanted; attempt++) {
                int[] span = {0};
                boolean[] inSpan = new boolean[size];
                inSpan[0] = true;
                for (int d = 0; d < m && span != null; d++) {
                    int count = 0;
                    for (int v = 1; v < size; v++) {
                        if (!used[v] && !inSpan[v]) {
                            candidates[count++] = v;
                        }
                    }
                    if (count == 0) {
                        span = null;
                        break;
                    }
                    int v = candidates[random.nextInt(count)];
                    int[] wider = new int[span.length * prime];
                    int k = 0;
                    for (int c = 0; c < prime; c++) {
                        for (int u : span) {
                            int w = addScaled(u, v, c);
                            if (w != 0 && used[w]) {
                                span = null;
                                break;
                            }
                            wider[k++] = w;
                            inSpan[w] = true;
                        }
                        if (span == null) {
                            break;
                        }
                    }
                    if (span != null) {
                        span = wider;
                    }
                }
                if (span != null) {
                    for (int v : span) {
                        used[v] = true;
                    }
                    used[0] = false;
                    spread.add(span);
                }
            }
            return spread;
        }

        /** [vector] -> group: the cosets of the subspace, numbered in order of their smallest vector. */
        int[] cosets(int[] subspace) {
            int size = size();
            int[] group = new int[size];
            java.util.Arrays.fill(group, -1);
            int next = 0;
            for (int x = 0; x < size; x++) {
                if (group[x] < 0) {
                    for (int u : subspace) {
                        group[addScaled(x, u, 1)] = next;
                    }
                    next++;
                }
            }
            return group;
        }
    }
}
