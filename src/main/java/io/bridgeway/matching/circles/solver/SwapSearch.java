package io.bridgeway.matching.circles.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import io.bridgeway.matching.circles.domain.MeetingHistory;

/**
 * Fast search for the circles model on int arrays: a greedy round-by-round construction (in UTC-offset order
 * when the time-zone rule counts), then (instances without
 * soft rules hand over to {@link GolferTabu} here) a tabu search after Dotú & Van Hentenryck (swap two people of one
 * round, at least one of them in a repeated pair; per-round tabu on moved people; restart from the best with random
 * swaps when stuck), and,
 * once there are no repeats, late acceptance on random swaps for the soft rules (soft change first: pair counts
 * only for swaps it does not already reject). Swaps keep every
 * group size, so the construction's valid sizes stay valid. Availability is kept incremental: per group the
 * number of free members at each of the 168 UTC hours, a histogram of those numbers and their maximum (the
 * best common hour's attendance), so a swap touches only the hours of the two people. Repeats are kept
 * incremental too: per round and person the number of group-mates in a repeated (or kept-apart) pair, so
 * listing the conflicts is one array scan and a golfer swap's delta costs O(group size). Costs are compared as
 * keptApart * 2^48 + repeats * 2^32 + soft, which is exactly lexicographic because one swap changes soft by
 * far less.
 */
final class SwapSearch {

    private static final long REPEAT = 1L << 32;
    /** A kept-apart pair sharing a group costs more than any number of repeats: the search removes it first. */
    private static final long APART = 1L << 48;
    private static final int CONFLICT_SAMPLE = 120;
    private static final int PARTNER_SAMPLE = 400;
    private static final int LATE_ACCEPTANCE = 2000;
    private static final int UNAVAILABLE_SAMPLE = 64;
    private static final int FREE_PARTNER_SAMPLE = 16;
    /** Candidates the construction compares per seat. */
    private static final int CANDIDATES = 64;

    /**
     * The search's knobs, passed in so that runs with different settings can share a JVM (SwapSearchTuning).
     * {@link #DEFAULT} was measured on golfers 8-4-8 and 9-4-9. {@code golfer} tunes the {@link GolferTabu} that
     * instances without soft rules get instead of this search's repeat phase (null: keep this search).
     */
    record Tuning(int tenureBase, int tenureSpreadDivisor, int stallPerPerson, int kickDivisor, int restoreBestEvery,
            boolean tabuPartnerToo, GolferTabu.Tuning golfer) {
        static final Tuning DEFAULT = new Tuning(4, 4, 15, 100, 1, false, GolferTabu.Tuning.DEFAULT);
    }

    private final Tuning tuning;

    private final SearchModel model;
    private final Random random;
    private final int n;
    private final int rounds;
    private final int groups;
    private final int[] sizes;
    private final int[][] group;        // [round][person] -> group
    private final int[][][] members;    // [round][group][seat] -> person
    private final int[][] seat;         // [round][person] -> seat in its group
    private final int[][] groupSoft;    // [round][group] -> soft penalty
    private final int[][] tabuUntil;    // [round][person] -> iteration
    private final boolean[][] pinned;
    private final PairCounts counts;
    private final int[][] conflicts;    // [round][person] -> group-mates met before or kept apart from p
    private final int[][] apartFrom;    // [person] -> people p must never share a group with (usually none)
    private final int[] conflictRounds;
    private final int[] conflictPeople;
    private int builtRounds;            // rounds constructed so far (the others hold no groups yet)
    private long apartMeetings;
    private final int[] scratchDepartments;
    private final boolean hasSoftRules;
    private final boolean byOffset;     // the time-zone rule counts: construct circles in offset order
    private final boolean repeatsOnly;  // no soft rules, nobody kept apart: a swap changes repeats only
    private final boolean hasAvailability;
    private final int unavailableWeight;
    private final int[][][] freeHours;      // [round][person] -> free UTC hours (all 168 when free at every hour)
    private final boolean[][][] freeAt;     // [round][person][hour]
    private final int[][][] freeCount;      // [round][group][hour] -> members free then
    private final int[][][] hoursWithCount; // [round][group][k] -> hours at which exactly k members are free
    private final int[][] maxFree;          // [round][group] -> attendance at the best common hour
    private final int[][][] freeAtHour;     // [round][hour] -> people free then
    private long repeats;
    private long soft;
    private int[][] bestGroup;
    private long bestCost = Long.MAX_VALUE;
    private long iterations;
    private long restarts;

    SwapSearch(SearchModel model, long seed) {
        this(model, seed, Tuning.DEFAULT);
    }

    SwapSearch(SearchModel model, long seed, Tuning tuning) {
        this.tuning = tuning;
        this.model = model;
        this.random = new Random(seed);
        this.n = model.people();
        this.rounds = model.rounds();
        this.sizes = model.groupSizes();
        this.groups = sizes.length;
        this.group = new int[rounds][n];
        this.members = new int[rounds][groups][];
        this.seat = new int[rounds][n];
        this.groupSoft = new int[rounds][groups];
        this.tabuUntil = new int[rounds][n];
        this.pinned = new boolean[rounds][n];
        this.counts = new PairCounts(n);
        this.conflicts = new int[rounds][n];
        this.conflictRounds = new int[rounds * n];
        this.conflictPeople = new int[rounds * n];
        this.apartFrom = apartLists(n, model.keptApartPairs());
        this.hasSoftRules = hasSoftRules(model);
        this.repeatsOnly = !hasSoftRules && model.keptApartPairs().isEmpty();
        int maxSize = Arrays.stream(sizes).max().orElse(0);
        this.hasAvailability = model.freeUtcHours() != null && model.settings().unavailableMemberWeight() > 0;
        this.unavailableWeight = model.settings().unavailableMemberWeight();
        // with availability, offset order started worse (circles-200-availability: soft +7 % after 10 s, 3 seeds)
        this.byOffset = model.settings().timezoneSpreadPerHourWeight() > 0 && !hasAvailability
                && java.util.stream.IntStream.range(0, n).anyMatch(p -> model.offsetKnown()[p]);
        int hourSlots = hasAvailability ? CircleRules.HOURS_PER_WEEK : 0;
        this.freeHours = new int[rounds][n][];
        this.freeAt = new boolean[rounds][n][hourSlots];
        this.freeAtHour = new int[rounds][hourSlots][];
        for (int r = 0; r < rounds && hasAvailability; r++) {
            int[] everyHour = java.util.stream.IntStream.range(0, CircleRules.HOURS_PER_WEEK).toArray();
            boolean[][] free = freeAt[r];
            for (int p = 0; p < n; p++) {
                freeHours[r][p] = model.freeUtcHours()[r][p] == null ? everyHour : model.freeUtcHours()[r][p];
                for (int hour : freeHours[r][p]) {
                    free[p][hour] = true;
                }
            }
            for (int hour = 0; hour < hourSlots; hour++) {
                final int h = hour;
                freeAtHour[r][hour] = java.util.stream.IntStream.range(0, n).filter(p -> free[p][h]).toArray();
            }
        }
        this.freeCount = new int[rounds][groups][hourSlots];
        this.hoursWithCount = new int[rounds][groups][hasAvailability ? maxSize + 1 : 0];
        this.maxFree = new int[rounds][groups];
        for (int[][] round : hoursWithCount) {
            for (int[] histogram : round) {
                if (histogram.length > 0) {
                    histogram[0] = CircleRules.HOURS_PER_WEEK;
                }
            }
        }
        this.scratchDepartments = new int[maxSize];
        for (long pair : model.historyPairs()) {
            counts.add(MeetingHistory.first(pair), MeetingHistory.second(pair), 1);
        }
    }

    /** Runs until the deadline, until no improvement for {@code unimprovedNanos}, or until stopped. */
    int[][] solve(long deadlineNanos, long unimprovedNanos, BooleanSupplier stop) {
        construct();
        saveBest();
        if (tuning.golfer() != null && !hasSoftRules && groups > 1 && bestCost > 0 && GolferTabu.fits(n, rounds)) {
            return golferTabu(deadlineNanos, unimprovedNanos, stop);
        }
        long lastImprovement = System.nanoTime();
        long stallIterations = Math.max(500, (long) tuning.stallPerPerson() * n);
        long lastImprovedIteration = 0;
        long[] lateCosts = null;
        boolean anyMove = groups > 1; // with one circle per round there is nothing to swap
        for (iterations = 1; bestCost > 0 && anyMove; iterations++) {
            if ((iterations & 255) == 0) {
                long now = System.nanoTime();
                if (now >= deadlineNanos || now - lastImprovement >= unimprovedNanos || stop.getAsBoolean()) {
                    break;
                }
            }
            if (repeats > 0 || apartMeetings > 0) {
                lateCosts = null;
                conflictStep();
            } else {
                if (lateCosts == null) {
                    lateCosts = new long[LATE_ACCEPTANCE];
                    Arrays.fill(lateCosts, cost());
                }
                lateAcceptanceStep(lateCosts);
            }
            if (cost() < bestCost) {
                saveBest();
                lastImprovement = System.nanoTime();
                lastImprovedIteration = iterations;
            } else if ((repeats > 0 || apartMeetings > 0) && iterations - lastImprovedIteration > stallIterations) {
                restartFromBest();
                lastImprovedIteration = iterations;
            }
        }
        return bestGroup;
    }

    /** Without soft rules only meetings count: the golfer tabu search takes it from the construction. */
    private int[][] golferTabu(long deadlineNanos, long unimprovedNanos, BooleanSupplier stop) {
        GolferTabu golfer = new GolferTabu(n, groups, group, pinned, model.historyPairs(), model.keptApartPairs(),
                random.nextLong(), tuning.golfer());
        bestGroup = golfer.solve(deadlineNanos, unimprovedNanos, stop);
        bestCost = golfer.bestKeptApartMeetings() * APART + golfer.bestRepeats() * REPEAT;
        iterations = golfer.steps();
        restarts = golfer.perturbations();
        return bestGroup;
    }

    long bestRepeats() {
        return bestCost % APART / REPEAT;
    }

    long bestCost() {
        return bestCost;
    }

    /** No soft rules and no pins: only repeats (and kept-apart pairs) count, as in the social golfer problem. */
    boolean isRuleFree() {
        if (hasSoftRules || model.fixedGroup() == null) {
            return !hasSoftRules;
        }
        return Arrays.stream(model.fixedGroup()).flatMapToInt(Arrays::stream).allMatch(g -> g < 0);
    }

    long bestKeptApartMeetings() {
        return bestCost / APART;
    }

    long bestSoft() {
        return bestCost % REPEAT;
    }

    long iterations() {
        return iterations;
    }

    long restarts() {
        return restarts;
    }

    private long cost() {
        return apartMeetings * APART + repeats * REPEAT + soft;
    }

    private static int[][] apartLists(int n, java.util.Set<Long> pairs) {
        int[] degree = new int[n];
        for (long pair : pairs) {
            degree[MeetingHistory.first(pair)]++;
            degree[MeetingHistory.second(pair)]++;
        }
        int[][] lists = new int[n][];
        for (int p = 0; p < n; p++) {
            lists[p] = new int[degree[p]];
        }
        for (long pair : pairs) {
            int a = MeetingHistory.first(pair);
            int b = MeetingHistory.second(pair);
            lists[a][--degree[a]] = b;
            lists[b][--degree[b]] = a;
        }
        return lists;
    }

    private boolean keptApart(int a, int b) {
        for (int other : apartFrom[a]) {
            if (other == b) {
                return true;
            }
        }
        return false;
    }

    /** a and x meet in round r (called before the group arrays say so): counts, repeats and conflict marks. */
    private void addMeeting(int r, int a, int x) {
        int before = counts.get(a, x);
        counts.add(a, x, 1);
        if (before >= 1) {
            repeats++;
            conflicts[r][a]++;
            conflicts[r][x]++;
            if (before == 1) {
                markOtherMeetings(r, a, x, 1);
            }
        }
        if (keptApart(a, x)) {
            apartMeetings++;
            conflicts[r][a]++;
            conflicts[r][x]++;
        }
    }

    /** a and x no longer meet in round r. */
    private void removeMeeting(int r, int a, int x) {
        int before = counts.get(a, x);
        counts.add(a, x, -1);
        if (before >= 2) {
            repeats--;
            conflicts[r][a]--;
            conflicts[r][x]--;
            if (before == 2) {
                markOtherMeetings(r, a, x, -1);
            }
        }
        if (keptApart(a, x)) {
            apartMeetings--;
            conflicts[r][a]--;
            conflicts[r][x]--;
        }
    }

    /** The pair's meeting in another round became (sign 1) or stopped being (-1) a repeat. */
    private void markOtherMeetings(int r, int a, int x, int sign) {
        for (int other = 0; other < builtRounds; other++) {
            if (other != r && group[other][a] == group[other][x]) {
                conflicts[other][a] += sign;
                conflicts[other][x] += sign;
            }
        }
    }

    // ---- construction ----

    /** Round by round, seat by seat: the candidate adding the fewest repeats, then the least soft penalty. */
    private void construct() {
        int[] fixedCount = new int[groups];
        for (int r = 0; r < rounds; r++) {
            builtRounds = r;
            for (int g = 0; g < groups; g++) {
                members[r][g] = new int[sizes[g]];
            }
            Arrays.fill(fixedCount, 0);
            List<Integer> free = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                int fixed = model.fixedGroup() == null ? -1 : model.fixedGroup()[r][p];
                if (fixed >= 0 && fixed < groups && fixedCount[fixed] < sizes[fixed]) {
                    place(r, fixed, fixedCount[fixed]++, p);
                    pinned[r][p] = true;
                } else {
                    free.add(p);
                }
            }
            java.util.Collections.shuffle(free, random);
            if (byOffset) {
                free.sort(java.util.Comparator.comparingInt(this::offsetOrder)); // stable: shuffled within an offset
            }
            int[] pool = free.stream().mapToInt(Integer::intValue).toArray();
            int poolSize = pool.length;
            int head = 0; // byOffset: pool[0, head) is seated, later seated people are -1
            for (int g = 0; g < groups; g++) {
                for (int s = fixedCount[g]; s < sizes[g]; s++) {
                    if (byOffset) {
                        head = seatNextByOffset(r, g, s, pool, head);
                        continue;
                    }
                    int bestIndex = 0;
                    long bestAdded = Long.MAX_VALUE;
                    int candidates = Math.min(poolSize, CANDIDATES);
                    for (int c = 0; c < candidates; c++) {
                        int index = candidates == poolSize ? c : random.nextInt(poolSize);
                        long added = seatCost(r, g, s, pool[index]);
                        if (added < bestAdded) {
                            bestAdded = added;
                            bestIndex = index;
                        }
                    }
                    place(r, g, s, pool[bestIndex]);
                    pool[bestIndex] = pool[--poolSize];
                }
            }
            for (int g = 0; g < groups; g++) {
                int[] m = members[r][g];
                for (int i = 0; i < m.length; i++) {
                    for (int j = i + 1; j < m.length; j++) {
                        addMeeting(r, m[i], m[j]);
                    }
                }
                groupSoft[r][g] = softOf(m, m.length);
                soft += groupSoft[r][g] + unavailableCost(r, g);
            }
        }
        builtRounds = rounds;
    }

    /**
     * Seats the best of the next {@link #CANDIDATES} unseated people in offset order, so that a circle is filled
     * from one time zone (random candidates from the whole pool leave most circles spread over many hours, which
     * the search then needs most of its time to undo on large instances). Returns the new head.
     */
    private int seatNextByOffset(int r, int g, int s, int[] pool, int head) {
        while (head < pool.length && pool[head] < 0) {
            head++;
        }
        int bestIndex = -1;
        long bestAdded = Long.MAX_VALUE;
        for (int index = head, seen = 0; index < pool.length && seen < CANDIDATES; index++) {
            if (pool[index] >= 0) {
                seen++;
                long added = seatCost(r, g, s, pool[index]);
                if (added < bestAdded) {
                    bestAdded = added;
                    bestIndex = index;
                }
            }
        }
        place(r, g, s, pool[bestIndex]);
        pool[bestIndex] = -1;
        return head;
    }

    /** Construction order of the time-zone rule: known offsets ascending, unknown offsets last. */
    private int offsetOrder(int p) {
        return model.offsetKnown()[p] ? model.offsetMinutes()[p] : Integer.MAX_VALUE;
    }

    private long seatCost(int r, int g, int filled, int candidate) {
        long repeatCost = 0;
        long apartCost = 0;
        int[] m = members[r][g];
        for (int i = 0; i < filled; i++) {
            if (counts.get(m[i], candidate) >= 1) {
                repeatCost++;
            }
            if (keptApart(m[i], candidate)) {
                apartCost++;
            }
        }
        m[filled] = candidate; // seat filled + 1 is overwritten by the next candidate or the chosen person
        long unavailable = 0;
        if (hasAvailability && !joinsBestHour(r, g, candidate)) {
            unavailable = unavailableWeight; // the best hour's attendance stays, the group grows by one
        }
        return apartCost * APART + repeatCost * REPEAT + softOf(m, filled + 1) + unavailable;
    }

    private boolean joinsBestHour(int r, int g, int candidate) {
        int[] count = freeCount[r][g];
        for (int hour : freeHours[r][candidate]) {
            if (count[hour] == maxFree[r][g]) {
                return true;
            }
        }
        return false;
    }

    private void place(int r, int g, int s, int p) {
        members[r][g][s] = p;
        group[r][p] = g;
        seat[r][p] = s;
        if (hasAvailability) {
            addFreeHours(r, g, p, 1);
        }
    }

    // ---- availability ----

    /** Soft of the members of group g who cannot make its best common hour. */
    private long unavailableCost(int r, int g) {
        return hasAvailability ? (long) unavailableWeight * (members[r][g].length - maxFree[r][g]) : 0;
    }

    /** Adds (sign 1) or removes (sign -1) person p's free hours to group g's counts. */
    private void addFreeHours(int r, int g, int p, int sign) {
        int[] count = freeCount[r][g];
        int[] histogram = hoursWithCount[r][g];
        int max = maxFree[r][g];
        for (int hour : freeHours[r][p]) {
            histogram[count[hour]]--;
            count[hour] += sign;
            histogram[count[hour]]++;
            max = Math.max(max, count[hour]);
        }
        while (max > 0 && histogram[max] == 0) {
            max--;
        }
        maxFree[r][g] = max;
    }

    /** Group g's best-hour attendance if {@code out} left it and {@code in} joined; counts change by 1 at most. */
    private int maxFreeAfterSwap(int r, int g, int out, int in) {
        int[] count = freeCount[r][g];
        int max = maxFree[r][g];
        boolean reachesMax = false;
        for (int hour : freeHours[r][in]) {
            if (!freeAt[r][out][hour]) {
                if (count[hour] == max) {
                    return max + 1;
                }
                reachesMax |= count[hour] == max - 1;
            }
        }
        if (reachesMax) {
            return max;
        }
        int loweredFromMax = 0;
        for (int hour : freeHours[r][out]) {
            if (!freeAt[r][in][hour] && count[hour] == max) {
                loweredFromMax++;
            }
        }
        return hoursWithCount[r][g][max] > loweredFromMax ? max : max - 1;
    }

    // ---- scoring ----

    /** Golfer instances have no departments, offsets or senior rule: then soft is always 0. */
    private static boolean hasSoftRules(SearchModel model) {
        for (int p = 0; p < model.people(); p++) {
            if (model.departmentIds()[p] >= 0 || model.offsetKnown()[p]) {
                return true;
            }
        }
        return model.settings().seniorRuleActive() || model.freeUtcHours() != null;
    }

    /** Soft penalty of the group of the first {@code size} people of m. */
    private int softOf(int[] m, int size) {
        if (!hasSoftRules) {
            return 0;
        }
        var settings = model.settings();
        int minOffset = Integer.MAX_VALUE;
        int maxOffset = Integer.MIN_VALUE;
        boolean hasSenior = false;
        for (int i = 0; i < size; i++) {
            int p = m[i];
            scratchDepartments[i] = model.departmentIds()[p];
            if (model.offsetKnown()[p]) {
                minOffset = Math.min(minOffset, model.offsetMinutes()[p]);
                maxOffset = Math.max(maxOffset, model.offsetMinutes()[p]);
            }
            hasSenior |= model.senior()[p];
        }
        int penalty = settings.sameDepartmentPairWeight() * CircleRules.sameDepartmentPairs(scratchDepartments, size);
        if (minOffset <= maxOffset) {
            penalty += settings.timezoneSpreadPerHourWeight() * CircleRules.timezoneSpreadHours(minOffset, maxOffset);
        }
        if (settings.seniorRuleActive() && size > 0 && !hasSenior) {
            penalty += settings.groupWithoutSeniorWeight();
        }
        return penalty;
    }

    /** Cost change of swapping a and b (in different groups) in round r. */
    private long swapDelta(int r, int a, int b) {
        if (repeatsOnly) {
            return meetingDelta(r, a, b);
        }
        return meetingDelta(r, a, b) + softDelta(r, a, b);
    }

    /** Repeat and kept-apart part of a swap's cost change: pair counts, O(group size) look-ups. */
    private long meetingDelta(int r, int a, int b) {
        int ga = group[r][a];
        int gb = group[r][b];
        if (repeatsOnly) {
            // a's and b's repeated partners in their groups are exactly their conflict counts
            int delta = -conflicts[r][a] - conflicts[r][b];
            for (int x : members[r][ga]) {
                if (x != a && counts.get(b, x) >= 1) {
                    delta++;
                }
            }
            for (int y : members[r][gb]) {
                if (y != b && counts.get(a, y) >= 1) {
                    delta++;
                }
            }
            return delta * REPEAT;
        }
        long repeatDelta = 0;
        long apartDelta = 0;
        boolean anyApart = apartFrom[a].length > 0 || apartFrom[b].length > 0;
        for (int x : members[r][ga]) {
            if (x != a) {
                repeatDelta += (counts.get(a, x) >= 2 ? -1 : 0) + (counts.get(b, x) >= 1 ? 1 : 0);
                if (anyApart) {
                    apartDelta += (keptApart(b, x) ? 1 : 0) - (keptApart(a, x) ? 1 : 0);
                }
            }
        }
        for (int y : members[r][gb]) {
            if (y != b) {
                repeatDelta += (counts.get(b, y) >= 2 ? -1 : 0) + (counts.get(a, y) >= 1 ? 1 : 0);
                if (anyApart) {
                    apartDelta += (keptApart(a, y) ? 1 : 0) - (keptApart(b, y) ? 1 : 0);
                }
            }
        }
        return apartDelta * APART + repeatDelta * REPEAT;
    }

    /** Soft part of a swap's cost change: array reads only, O(group size). */
    private long softDelta(int r, int a, int b) {
        int ga = group[r][a];
        int gb = group[r][b];
        long softDelta = groupSoftDelta(members[r][ga], a, b) + groupSoftDelta(members[r][gb], b, a);
        if (hasAvailability) {
            softDelta += (long) unavailableWeight * (maxFree[r][ga] - maxFreeAfterSwap(r, ga, a, b)
                    + maxFree[r][gb] - maxFreeAfterSwap(r, gb, b, a));
        }
        return softDelta;
    }

    /**
     * Change of {@link #softOf} when {@code out} leaves group m and {@code in} joins, in one pass over the
     * members: the same-department pairs change only by in's and out's matches.
     */
    private int groupSoftDelta(int[] m, int out, int in) {
        if (!hasSoftRules) {
            return 0;
        }
        int[] departmentIds = model.departmentIds();
        int[] offsets = model.offsetMinutes();
        boolean[] offsetKnown = model.offsetKnown();
        boolean[] senior = model.senior();
        int departmentOut = departmentIds[out];
        int departmentIn = departmentIds[in];
        int sameDepartment = 0;
        int minBefore = offsetKnown[out] ? offsets[out] : Integer.MAX_VALUE;
        int maxBefore = offsetKnown[out] ? offsets[out] : Integer.MIN_VALUE;
        int minAfter = offsetKnown[in] ? offsets[in] : Integer.MAX_VALUE;
        int maxAfter = offsetKnown[in] ? offsets[in] : Integer.MIN_VALUE;
        boolean seniorBefore = senior[out];
        boolean seniorAfter = senior[in];
        for (int x : m) {
            if (x == out) {
                continue;
            }
            int department = departmentIds[x];
            if (department >= 0) {
                sameDepartment += (department == departmentIn ? 1 : 0) - (department == departmentOut ? 1 : 0);
            }
            if (offsetKnown[x]) {
                int offset = offsets[x];
                minBefore = Math.min(minBefore, offset);
                maxBefore = Math.max(maxBefore, offset);
                minAfter = Math.min(minAfter, offset);
                maxAfter = Math.max(maxAfter, offset);
            }
            if (senior[x]) {
                seniorBefore = true;
                seniorAfter = true;
            }
        }
        var settings = model.settings();
        int delta = settings.sameDepartmentPairWeight() * sameDepartment;
        int spreadBefore = minBefore <= maxBefore ? CircleRules.timezoneSpreadHours(minBefore, maxBefore) : 0;
        int spreadAfter = minAfter <= maxAfter ? CircleRules.timezoneSpreadHours(minAfter, maxAfter) : 0;
        delta += settings.timezoneSpreadPerHourWeight() * (spreadAfter - spreadBefore);
        if (settings.seniorRuleActive() && seniorBefore != seniorAfter) {
            delta += settings.groupWithoutSeniorWeight() * (seniorBefore ? 1 : -1);
        }
        return delta;
    }

    private void swap(int r, int a, int b) {
        int ga = group[r][a];
        int gb = group[r][b];
        for (int x : members[r][ga]) {
            if (x != a) {
                removeMeeting(r, a, x);
                addMeeting(r, b, x);
            }
        }
        for (int y : members[r][gb]) {
            if (y != b) {
                removeMeeting(r, b, y);
                addMeeting(r, a, y);
            }
        }
        GolferTabu.exchangeSeats(members[r], group[r], seat[r], a, b);
        soft -= groupSoft[r][ga] + groupSoft[r][gb] + unavailableCost(r, ga) + unavailableCost(r, gb);
        groupSoft[r][ga] = softOf(members[r][ga], members[r][ga].length);
        groupSoft[r][gb] = softOf(members[r][gb], members[r][gb].length);
        if (hasAvailability) {
            addFreeHours(r, ga, a, -1);
            addFreeHours(r, ga, b, 1);
            addFreeHours(r, gb, b, -1);
            addFreeHours(r, gb, a, 1);
        }
        soft += groupSoft[r][ga] + groupSoft[r][gb] + unavailableCost(r, ga) + unavailableCost(r, gb);
    }

    // ---- moves ----

    /**
     * One tabu step (Dotú & Van Hentenryck): the best non-tabu swap of two people of one round, at least one of
     * them in a repeated (or kept-apart) pair; a tabu swap only when it beats the best cost. (Searching one
     * random round per step instead ran 2-3x more steps but ended at 12-15 repeats on 8-4-9 instead of 7.)
     */
    private void conflictStep() {
        int conflictCount = 0;
        for (int r = 0; r < rounds; r++) {
            int[] roundConflicts = conflicts[r];
            for (int p = 0; p < n; p++) {
                if (roundConflicts[p] > 0 && !pinned[r][p]) {
                    conflictRounds[conflictCount] = r;
                    conflictPeople[conflictCount++] = p;
                }
            }
        }
        if (conflictCount == 0) {
            return; // repeats only against pinned people
        }
        int sampled = Math.min(conflictCount, CONFLICT_SAMPLE);
        long current = cost();
        long bestDelta = Long.MAX_VALUE;
        int bestR = -1;
        int bestA = -1;
        int bestB = -1;
        int ties = 0;
        for (int c = 0; c < sampled; c++) {
            int index = sampled == conflictCount ? c : random.nextInt(conflictCount);
            int r = conflictRounds[index];
            int a = conflictPeople[index];
            int partners = Math.min(n, PARTNER_SAMPLE);
            for (int k = 0; k < partners; k++) {
                int b = partners == n ? k : random.nextInt(n);
                if (pinned[r][b] || group[r][b] == group[r][a]) {
                    continue;
                }
                long delta = swapDelta(r, a, b);
                boolean tabu = tabuUntil[r][a] > iterations || tabuUntil[r][b] > iterations;
                if (tabu && current + delta >= bestCost) {
                    continue;
                }
                if (delta < bestDelta) {
                    bestDelta = delta;
                    bestR = r;
                    bestA = a;
                    bestB = b;
                    ties = 1;
                } else if (delta == bestDelta && random.nextInt(++ties) == 0) {
                    bestR = r;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        if (bestR < 0) {
            return;
        }
        swap(bestR, bestA, bestB);
        assert cost() == current + bestDelta : "swap delta " + bestDelta + " but cost changed by " + (cost() - current);
        int tenure = tuning.tenureBase() + random.nextInt(Math.max(2, n / tuning.tenureSpreadDivisor()));
        tabuUntil[bestR][bestA] = (int) iterations + tenure;
        if (tuning.tabuPartnerToo()) {
            tabuUntil[bestR][bestB] = (int) iterations + tenure;
        }
    }

    /**
     * Late acceptance on a random swap; with availability every other step moves someone who cannot make their
     * circle's hour, since random swaps rarely find the few such seats once most circles can meet.
     */
    private void lateAcceptanceStep(long[] lateCosts) {
        int r = random.nextInt(rounds);
        int a = random.nextInt(n);
        int b = random.nextInt(n);
        if (hasAvailability && (iterations & 1) == 0) {
            for (int tries = 0; tries < UNAVAILABLE_SAMPLE && !cannotMakeBestHour(r, a); tries++) {
                r = random.nextInt(rounds);
                a = random.nextInt(n);
            }
            b = someoneFreeAtBestHour(r, group[r][a], b);
            // rather someone whose own circle cannot use them either: the swap then seats both
            for (int tries = 0; tries < FREE_PARTNER_SAMPLE && !cannotMakeBestHour(r, b); tries++) {
                b = someoneFreeAtBestHour(r, group[r][a], b);
            }
        }
        if (group[r][a] == group[r][b] || pinned[r][a] || pinned[r][b]) {
            return;
        }
        long current = cost();
        int slot = (int) (iterations % lateCosts.length);
        // no repeats and nobody kept apart sharing a group here: a swap cannot lower those costs, so a swap whose
        // soft change alone is rejected needs no pair-count look-ups
        long softDelta = softDelta(r, a, b);
        if (softDelta <= 0 || current + softDelta <= lateCosts[slot]) {
            long delta = softDelta + meetingDelta(r, a, b);
            if (delta <= 0 || current + delta <= lateCosts[slot]) {
                swap(r, a, b);
                assert cost() == current + delta : "swap delta " + delta + " but cost changed by " + (cost() - current);
            }
        }
        lateCosts[slot] = cost();
    }

    /** Whether p is free at none of the hours at which the most members of p's circle are free. */
    private boolean cannotMakeBestHour(int r, int p) {
        int g = group[r][p];
        int[] count = freeCount[r][g];
        for (int hour : freeHours[r][p]) {
            if (count[hour] == maxFree[r][g]) {
                return false;
            }
        }
        return true;
    }

    /** A random person free at one of group g's best hours (who could take a's seat there), else fallback. */
    private int someoneFreeAtBestHour(int r, int g, int fallback) {
        int[] count = freeCount[r][g];
        int max = maxFree[r][g];
        int chosen = -1;
        int seen = 0;
        for (int hour = 0; hour < count.length; hour++) {
            if (count[hour] == max && freeAtHour[r][hour].length > 0 && random.nextInt(++seen) == 0) {
                chosen = hour;
            }
        }
        return max == 0 || chosen < 0 ? fallback : freeAtHour[r][chosen][random.nextInt(freeAtHour[r][chosen].length)];
    }

    private void restartFromBest() {
        restarts++;
        for (int r = 0; r < rounds && restarts % tuning.restoreBestEvery() == 0; r++) {
            for (int p = 0; p < n; p++) {
                int target = bestGroup[r][p];
                if (group[r][p] != target) {
                    // find someone in p's best group who does not belong there, and swap them
                    for (int q : members[r][target]) {
                        if (bestGroup[r][q] != target) {
                            swap(r, p, q);
                            break;
                        }
                    }
                }
            }
        }
        for (int[] tabu : tabuUntil) {
            Arrays.fill(tabu, 0);
        }
        int kicks = 1 + random.nextInt(Math.max(1, n * rounds / tuning.kickDivisor()));
        for (int k = 0; k < kicks; k++) {
            int r = random.nextInt(rounds);
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (group[r][a] != group[r][b] && !pinned[r][a] && !pinned[r][b] && swapDelta(r, a, b) < APART) {
                swap(r, a, b);
            }
        }
    }

    private void saveBest() {
        bestCost = cost();
        if (bestGroup == null) {
            bestGroup = new int[rounds][];
        }
        for (int r = 0; r < rounds; r++) {
            bestGroup[r] = group[r].clone();
        }
    }
}
