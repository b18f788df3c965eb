package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairValues;
import io.bridgeway.matching.pairing.domain.PairingSolution;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Exact optimum of the linear MODEL.md objective: a max-weight b-matching solved as a min-cost flow
 * (source -> mentee -> mentor -> sink, plus mentee -> sink for "unmatched") by successive shortest paths
 * with Dijkstra and node potentials, adding one mentee at a time (the Hungarian method with mentor
 * capacities). Array-based so 10,000-person instances (millions of candidate pairs) fit in little memory.
 * Pinned assignments are kept and use up their mentor's capacity.
 *
 * <p>Large instances are pruned: each mentee starts with only its {@code topK} most valuable mentors. The
 * final node potentials are then a certificate: if every pruned pair has a non-negative reduced cost, no
 * pruned pair can improve the flow and it is optimal for the full problem; otherwise the pairs that could
 * are added and the flow is solved again, until the check passes.
 *
 * <p>A stop signal (OptaPlanner's terminateEarly, see {@link ExactMatchingPhaseCommand}) ends the step
 * within a few milliseconds with the assignment built so far: valid, but not optimal ({@code complete=false}).
 */
public final class ExactPairingOptimizer {

    private static final int NEW = -1;
    private static final int ON_SINK = -2;
    private static final long INFINITY = Long.MAX_VALUE / 4;
    /** Most valuable mentors per mentee in the first flow; 20k-50k-person instances needed few re-solves with it. */
    public static final int DEFAULT_TOP_K = 48;
    /** How often (in mentees) the loops ask the stop signal. */
    private static final int STOP_CHECK_EVERY = 64;
    /** Most valuable mentees kept per mentor, besides each mentee's own top k. */
    static final int MENTEES_PER_MENTOR = 24;
    /** Most pairs per mentee the check adds back per round (the most violated first). */
    private static final int ADDED_PER_ROW = 8;

    private ExactPairingOptimizer() {
    }

    /**
     * The optimum for the unpinned assignments: the mentor of each assignment, by assignment position.
     *
     * @param complete     false when a stop signal ended the step early (valid, possibly not optimal)
     * @param solves       flows solved (1 = the pruned problem passed the check at once)
     * @param addedPairs   pruned pairs the check added back
     */
    public record Result(Mentor[] mentors, long objective, long millis, boolean complete, int solves, int addedPairs) {
    }

    public static Result optimize(PairingSolution solution) {
        return optimize(solution, DEFAULT_TOP_K, () -> false);
    }

    public static Result optimize(PairingSolution solution, BooleanSupplier stop) {
        return optimize(solution, DEFAULT_TOP_K, stop);
    }

    /** @param topK mentors per mentee in the first flow; {@code Integer.MAX_VALUE} = no pruning */
    public static Result optimize(PairingSolution solution, int topK, BooleanSupplier stop) {
        return optimize(solution, topK, MENTEES_PER_MENTOR, stop);
    }

    /** @param menteesPerMentor each mentor's most valuable mentees, also in the first flow (0 = none) */
    static Result optimize(PairingSolution solution, int topK, int menteesPerMentor, BooleanSupplier stop) {
        long start = System.nanoTime();
        PairRules rules = solution.getRules();
        List<MenteeAssignment> assignments = solution.getAssignments();
        List<Mentor> mentorList = solution.getMentors();
        int mentorCount = mentorList.size();
        Mentor[] result = new Mentor[assignments.size()];

        // Pins use up capacity; only unpinned assignments become rows of the flow.
        int[] capacity = new int[mentorCount];
        for (Mentor mentor : mentorList) {
            capacity[mentor.getIndex()] = mentor.getCapacity();
        }
        int rowCount = 0;
        for (int i = 0; i < assignments.size(); i++) {
            MenteeAssignment assignment = assignments.get(i);
            if (assignment.isPinned()) {
                result[i] = assignment.getMentor();
                if (assignment.getMentor() != null) {
                    capacity[assignment.getMentor().getIndex()]--;
                }
            } else {
                rowCount++;
            }
        }
        int[] rowAssignment = new int[rowCount];
        int[] rowMentee = new int[rowCount];
        int row = 0;
        for (int i = 0; i < assignments.size(); i++) {
            if (!assignments.get(i).isPinned()) {
                rowAssignment[row] = i;
                rowMentee[row] = assignments.get(i).getMentee().getIndex();
                row++;
            }
        }
        PairValues values = new PairValues(rules, mentorList, solution.getMentees());
        // Pairs worth <= 0 are dropped: never better than leaving the mentee unmatched.
        Edges edges = Edges.topK(values, rowMentee, capacity, topK, menteesPerMentor, stop);
        int solves = 0;
        int added = 0;
        int[] rowMentor;
        boolean complete;
        while (true) {
            if (edges == null) { // stopped while reading the pairs: nobody matched yet
                rowMentor = new int[rowCount];
                Arrays.fill(rowMentor, NEW);
                complete = false;
                break;
            }
            Flow flow = new Flow(rowCount, mentorCount, capacity, edges.rowStart, edges.mentor, edges.cost);
            solves++;
            rowMentor = flow.solve(stop);
            if (flow.stopped) {
                complete = false;
                break;
            }
            flow.tightenPotentials();
            Edges violating = edges.prunedPairsThatCouldImprove(values, rowMentee, capacity, flow, stop);
            if (violating == null) {
                complete = false;
                break;
            }
            if (violating.count() == 0) {
                complete = true;
                break;
            }
            added += violating.count();
            edges = edges.plus(violating);
        }
        for (int r = 0; r < rowCount; r++) {
            if (rowMentor[r] >= 0) {
                result[rowAssignment[r]] = mentorList.get(rowMentor[r]);
            }
        }
        long objective = 0;
        for (int i = 0; i < assignments.size(); i++) {
            if (result[i] != null) {
                objective += rules.pairValue(result[i], assignments.get(i).getMentee());
            }
        }
        return new Result(result, objective, (System.nanoTime() - start) / 1_000_000, complete, solves, added);
    }

    /**
     * Candidate pairs per row in CSR form (sorted by mentor within a row), plus, per row, the largest value
     * of a positive pair left out ({@code prunedMax}, 0 when none was).
     */
    private record Edges(int[] rowStart, int[] mentor, int[] cost, long[] prunedMax) {

        int count() {
            return rowStart[rowStart.length - 1];
        }

        /** Null when stopped. */
        static Edges topK(PairValues values, int[] rowMentee, int[] capacity, int topK, int menteesPerMentor,
                BooleanSupplier stop) {
            int rows = rowMentee.length;
            int mentors = values.mentorCount();
            int k = (int) Math.min(topK, mentors);
            int[] rowStart = new int[rows + 1];
            int[] mentor = new int[Math.max(16, (int) Math.min((long) rows * k, 1L << 26))];
            int[] cost = new int[mentor.length];
            long[] prunedMax = new long[rows];
            long[] heap = new long[k + 1];
            MentorBest mentorBest = new MentorBest(mentors, Math.min(rows, menteesPerMentor));
            int n = 0;
            for (int r = 0; r < rows; r++) {
                if (r % STOP_CHECK_EVERY == 0 && stop.getAsBoolean()) {
                    return null;
                }
                rowStart[r] = n;
                int size = 0;
                long dropped = 0;
                for (int j = 0; j < mentors; j++) {
                    if (capacity[j] <= 0) {
                        continue;
                    }
                    long value = values.value(j, rowMentee[r]);
                    if (value <= 0) {
                        continue;
                    }
                    mentorBest.offer(j, r, value);
                    // max-heap of the k best keys (key = -value, then mentor: smaller is better)
                    long key = (-(long) Math.toIntExact(value) << 32) | j;
                    if (size < k) {
                        heapPush(heap, size++, key);
                    } else if (key < heap[0]) {
                        dropped = Math.max(dropped, -(heap[0] >> 32));
                        heap[0] = key;
                        heapSiftDown(heap, size, 0);
                    } else {
                        dropped = Math.max(dropped, value);
                    }
                }
                prunedMax[r] = dropped;
                if (n + size > mentor.length) {
                    mentor = Arrays.copyOf(mentor, Math.max(n + size, mentor.length * 2));
                    cost = Arrays.copyOf(cost, mentor.length);
                }
                for (int q = 0; q < size; q++) {
                    mentor[n + q] = (int) (heap[q] & 0xffffffffL);
                    cost[n + q] = (int) (heap[q] >> 32); // = -value
                }
                sortByMentor(mentor, cost, n, n + size);
                n += size;
            }
            rowStart[rows] = n;
            Edges rowBest = new Edges(rowStart, mentor, cost, prunedMax);
            return rowBest.plus(mentorBest.asEdges(rows, rowBest));
        }

        /**
         * The certificate: with the flow's potentials, a pruned pair (r, j) could improve the flow only if its
         * reduced cost {@code -value + potential[r] - potential[j]} is negative. Returns those pairs (empty =
         * the flow is optimal for the full problem), or null when stopped.
         */
        Edges prunedPairsThatCouldImprove(PairValues values, int[] rowMentee, int[] capacity, Flow flow,
                BooleanSupplier stop) {
            int rows = rowMentee.length;
            int mentors = values.mentorCount();
            long highestMentorPotential = Long.MIN_VALUE;
            for (int j = 0; j < mentors; j++) {
                highestMentorPotential = Math.max(highestMentorPotential, flow.potential[rows + j]);
            }
            int[] start = new int[rows + 1];
            long[] heap = new long[ADDED_PER_ROW];
            int[] mentor = new int[64];
            int[] cost = new int[64];
            int n = 0;
            for (int r = 0; r < rows; r++) {
                if (r % STOP_CHECK_EVERY == 0 && stop.getAsBoolean()) {
                    return null;
                }
                start[r] = n;
                long rowPotential = flow.potential[r];
                // Fast pass: no pruned pair of this row is worth more than the smallest slack.
                if (prunedMax[r] == 0 || prunedMax[r] <= rowPotential - highestMentorPotential) {
                    continue;
                }
                int size = 0;
                for (int j = 0; j < mentors; j++) {
                    if (capacity[j] <= 0) {
                        continue;
                    }
                    long value = values.value(j, rowMentee[r]);
                    long slack = rowPotential - flow.potential[rows + j];
                    if (value <= 0 || value <= slack
                            || Arrays.binarySearch(this.mentor, rowStart[r], rowStart[r + 1], j) >= 0) {
                        continue;
                    }
                    // keep the most violated few (key: reduced cost, then mentor); the next check finds the rest
                    long key = ((slack - value) << 32) | j;
                    if (size < ADDED_PER_ROW) {
                        heapPush(heap, size++, key);
                    } else if (key < heap[0]) {
                        heap[0] = key;
                        heapSiftDown(heap, size, 0);
                    }
                }
                if (n + size > mentor.length) {
                    mentor = Arrays.copyOf(mentor, Math.max(n + size, n * 2));
                    cost = Arrays.copyOf(cost, mentor.length);
                }
                for (int q = 0; q < size; q++) {
                    int j = (int) (heap[q] & 0xffffffffL);
                    mentor[n + q] = j;
                    cost[n + q] = (int) -values.value(j, rowMentee[r]);
                }
                sortByMentor(mentor, cost, n, n + size);
                n += size;
            }
            start[rows] = n;
            return new Edges(start, mentor, cost, new long[rows]);
        }

        /** These pairs and those of {@code more}, per row sorted by mentor; pruned maxima stay (an upper bound). */
        Edges plus(Edges more) {
            int rows = prunedMax.length;
            int total = count() + more.count();
            int[] start = new int[rows + 1];
            int[] m = new int[total];
            int[] c = new int[total];
            int n = 0;
            for (int r = 0; r < rows; r++) {
                start[r] = n;
                int a = rowStart[r];
                int b = more.rowStart[r];
                while (a < rowStart[r + 1] || b < more.rowStart[r + 1]) {
                    if (b == more.rowStart[r + 1] || (a < rowStart[r + 1] && mentor[a] < more.mentor[b])) {
                        m[n] = mentor[a];
                        c[n++] = cost[a++];
                    } else {
                        m[n] = more.mentor[b];
                        c[n++] = more.cost[b++];
                    }
                }
            }
            start[rows] = n;
            return new Edges(start, m, c, prunedMax);
        }

        static void heapPush(long[] heap, int size, long key) {
            int i = size;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] >= key) {
                    break;
                }
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = key;
        }

        static void heapSiftDown(long[] heap, int size, int i) {
            long key = heap[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1] > heap[child]) {
                    child++;
                }
                if (heap[child] <= key) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = key;
        }

        /** Insertion sort of a row's few pairs by mentor index. */
        static void sortByMentor(int[] mentor, int[] cost, int from, int to) {
            for (int i = from + 1; i < to; i++) {
                int m = mentor[i];
                int c = cost[i];
                int j = i - 1;
                while (j >= from && mentor[j] > m) {
                    mentor[j + 1] = mentor[j];
                    cost[j + 1] = cost[j];
                    j--;
                }
                mentor[j + 1] = m;
                cost[j + 1] = c;
            }
        }
    }

    /**
     * Each mentor's most valuable mentees. Rows' own best lists alone crowd onto the same popular mentors, and
     * the pruned optimum then misses the many others (3,000 people: 0.4 % of the objective short); with these
     * every mentor with room keeps some candidates.
     */
    private static final class MentorBest {
        private final int perMentor;
        private final long[] heaps;
        private final int[] sizes;

        MentorBest(int mentors, int perMentor) {
            this.perMentor = perMentor;
            this.heaps = new long[mentors * perMentor];
            this.sizes = new int[mentors];
        }

        void offer(int mentor, int row, long value) {
            if (perMentor == 0) {
                return;
            }
            long key = (-(long) Math.toIntExact(value) << 32) | row;
            int base = mentor * perMentor;
            int size = sizes[mentor];
            if (size < perMentor) {
                // heap operations on a window of the shared array
                int i = size;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (heaps[base + parent] >= key) {
                        break;
                    }
                    heaps[base + i] = heaps[base + parent];
                    i = parent;
                }
                heaps[base + i] = key;
                sizes[mentor] = size + 1;
            } else if (key < heaps[base]) {
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && heaps[base + child + 1] > heaps[base + child]) {
                        child++;
                    }
                    if (heaps[base + child] <= key) {
                        break;
                    }
                    heaps[base + i] = heaps[base + child];
                    i = child;
                }
                heaps[base + i] = key;
            }
        }

        /** The pairs not already in {@code have}, as edges per row sorted by mentor. */
        Edges asEdges(int rows, Edges have) {
            int[] count = new int[rows + 1];
            for (int j = 0; j < sizes.length; j++) {
                for (int q = 0; q < sizes[j]; q++) {
                    count[(int) (heaps[j * perMentor + q] & 0xffffffffL) + 1]++;
                }
            }
            for (int r = 0; r < rows; r++) {
                count[r + 1] += count[r];
            }
            int[] start = count.clone();
            int[] fill = count.clone();
            int[] mentor = new int[count[rows]];
            int[] cost = new int[count[rows]];
            for (int j = 0; j < sizes.length; j++) { // mentors in increasing order, so rows come out sorted
                for (int q = 0; q < sizes[j]; q++) {
                    long key = heaps[j * perMentor + q];
                    int r = (int) (key & 0xffffffffL);
                    mentor[fill[r]] = j;
                    cost[fill[r]++] = (int) (key >> 32);
                }
            }
            // drop pairs the rows already have
            int n = 0;
            int[] kept = new int[rows + 1];
            for (int r = 0; r < rows; r++) {
                kept[r] = n;
                for (int e = start[r]; e < start[r + 1]; e++) {
                    if (Arrays.binarySearch(have.mentor, have.rowStart[r], have.rowStart[r + 1], mentor[e]) < 0) {
                        mentor[n] = mentor[e];
                        cost[n++] = cost[e];
                    }
                }
            }
            kept[rows] = n;
            return new Edges(kept, mentor, cost, new long[rows]);
        }
    }

    /** The flow network in arrays. Nodes: rows 0..R-1, mentors R..R+M-1, sink R+M. */
    private static final class Flow {
        private final int rowCount;
        private final int mentorCount;
        private final int sink;
        private final int[] capacity;
        private final int[] rowStart;
        private final int[] edgeMentor;
        private final int[] edgeCost;
        /** Current mentor of each row, or NEW / ON_SINK. */
        private final int[] rowMentor;
        private final int[] rowCost;
        private final int[] load;
        private final int[] mentorRowsStart;
        private final int[] mentorRows;
        /** Node potentials keeping every residual reduced cost non-negative (Johnson). */
        private final long[] potential;
        private final long[] distance;
        private final int[] parent;
        /** Original cost of the edge from parent[v] to v. */
        private final int[] parentCost;
        private final int[] stamp;
        private final boolean[] settled;
        private final int[] settledNodes;
        private final IndexedMinHeap heap;
        private boolean stopped;

        Flow(int rowCount, int mentorCount, int[] capacity, int[] rowStart, int[] edgeMentor, int[] edgeCost) {
            this.rowCount = rowCount;
            this.mentorCount = mentorCount;
            this.sink = rowCount + mentorCount;
            this.capacity = capacity;
            this.rowStart = rowStart;
            this.edgeMentor = edgeMentor;
            this.edgeCost = edgeCost;
            int nodes = sink + 1;
            rowMentor = new int[rowCount];
            Arrays.fill(rowMentor, NEW);
            rowCost = new int[rowCount];
            load = new int[mentorCount];
            mentorRowsStart = new int[mentorCount + 1];
            for (int j = 0; j < mentorCount; j++) {
                mentorRowsStart[j + 1] = mentorRowsStart[j] + Math.max(0, capacity[j]);
            }
            mentorRows = new int[mentorRowsStart[mentorCount]];
            potential = new long[nodes];
            distance = new long[nodes];
            parent = new int[nodes];
            parentCost = new int[nodes];
            stamp = new int[nodes];
            settled = new boolean[nodes];
            settledNodes = new int[nodes];
            heap = new IndexedMinHeap(nodes, distance);
            // Feasible start: rows 0, mentor = its cheapest incoming edge, sink below everything.
            long lowest = 0;
            for (int e = 0; e < rowStart[rowCount]; e++) {
                int node = rowCount + edgeMentor[e];
                potential[node] = Math.min(potential[node], edgeCost[e]);
                lowest = Math.min(lowest, edgeCost[e]);
            }
            potential[sink] = lowest;
        }

        /**
         * Any order gives the optimum; most valuable mentees first is much faster, because a later, cheaper
         * mentee's shortest path then usually ends at once (a free mentor, or staying unmatched).
         */
        int[] solve(BooleanSupplier stop) {
            long[] order = new long[rowCount];
            for (int r = 0; r < rowCount; r++) {
                long best = 0;
                for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                    best = Math.max(best, -(long) edgeCost[e]);
                }
                order[r] = (-best << 32) | r; // ascending sort = descending best value, then row
            }
            Arrays.sort(order);
            for (int k = 0; k < rowCount; k++) {
                if (k % STOP_CHECK_EVERY == 0 && stop.getAsBoolean()) {
                    stopped = true;
                    break; // rows not reached yet stay NEW (unmatched); the rest is a valid partial matching
                }
                augmentFrom((int) (order[k] & 0xffffffffL), k + 1);
            }
            return rowMentor;
        }

        private void augmentFrom(int source, int round) {
            int settledCount = 0;
            reach(source, 0, -1, 0, round);
            while (!heap.isEmpty()) {
                int u = heap.pop();
                settled[u] = true;
                settledNodes[settledCount++] = u;
                if (u == sink) {
                    break;
                }
                long du = distance[u];
                if (u < rowCount) {
                    int current = rowMentor[u];
                    for (int e = rowStart[u]; e < rowStart[u + 1]; e++) {
                        int j = edgeMentor[e];
                        if (j != current) {
                            int node = rowCount + j;
                            reach(node, du + edgeCost[e] + potential[u] - potential[node], u, edgeCost[e], round);
                        }
                    }
                    if (current != ON_SINK) {
                        reach(sink, du + potential[u] - potential[sink], u, 0, round);
                    }
                } else {
                    int j = u - rowCount;
                    for (int k = mentorRowsStart[j]; k < mentorRowsStart[j] + load[j]; k++) {
                        int y = mentorRows[k];
                        reach(y, du - rowCost[y] + potential[u] - potential[y], u, -rowCost[y], round);
                    }
                    if (load[j] < capacity[j]) {
                        reach(sink, du + potential[u] - potential[sink], u, 0, round);
                    }
                }
            }
            heap.clear();
            long toSink = distance[sink];
            for (int k = 0; k < settledCount; k++) {
                int v = settledNodes[k];
                potential[v] += distance[v] - toSink;
                settled[v] = false;
            }
            // Walk back from the sink, re-linking rows; a mentor is left before it is joined.
            int v = sink;
            while (v != source) {
                int p = parent[v];
                if (p < rowCount) {
                    if (v == sink) {
                        rowMentor[p] = ON_SINK;
                        rowCost[p] = 0;
                    } else {
                        int j = v - rowCount;
                        mentorRows[mentorRowsStart[j] + load[j]++] = p;
                        rowMentor[p] = j;
                        rowCost[p] = parentCost[v];
                    }
                } else if (v != sink) {
                    removeRow(p - rowCount, v);
                }
                v = p;
            }
        }

        /**
         * Makes the potentials as favourable for the pruning check as one pass can while keeping every residual
         * reduced cost non-negative: each mentor as low as its own edges allow (a mentor with room: the sink's),
         * then each row as high as its incoming edge allows. Nodes the last searches never reached otherwise
         * keep stale potentials that would fail the check for no reason.
         */
        void tightenPotentials() {
            long sinkPotential = potential[sink];
            for (int j = 0; j < mentorCount; j++) {
                long lowest = load[j] < capacity[j] ? sinkPotential : Long.MIN_VALUE;
                for (int k = mentorRowsStart[j]; k < mentorRowsStart[j] + load[j]; k++) {
                    int y = mentorRows[k];
                    lowest = Math.max(lowest, potential[y] - (-rowCost[y])); // reverse edge mentor -> row, cost -rowCost
                }
                if (lowest != Long.MIN_VALUE) {
                    potential[rowCount + j] = lowest;
                }
            }
            for (int r = 0; r < rowCount; r++) {
                potential[r] = rowMentor[r] >= 0 ? potential[rowCount + rowMentor[r]] + (-rowCost[r]) : sinkPotential;
            }
        }

        private void reach(int node, long newDistance, int from, int cost, int round) {
            if (stamp[node] != round) {
                stamp[node] = round;
                distance[node] = INFINITY;
            }
            // A node no closer than the best path to the sink found so far cannot be on the shortest path.
            if (node != sink && stamp[sink] == round && newDistance >= distance[sink]) {
                return;
            }
            if (!settled[node] && newDistance < distance[node]) {
                distance[node] = newDistance;
                parent[node] = from;
                parentCost[node] = cost;
                heap.insertOrDecrease(node);
            }
        }

        private void removeRow(int mentor, int row) {
            int start = mentorRowsStart[mentor];
            for (int k = start; k < start + load[mentor]; k++) {
                if (mentorRows[k] == row) {
                    mentorRows[k] = mentorRows[start + load[mentor] - 1];
                    load[mentor]--;
                    return;
                }
            }
            throw new IllegalStateException("row " + row + " is not with mentor " + mentor);
        }
    }

    /** Binary min-heap of node ids keyed by an external distance array, with decrease-key. */
    private static final class IndexedMinHeap {
        private final int[] heap;
        private final int[] position;
        private final long[] key;
        private int size;

        IndexedMinHeap(int capacity, long[] key) {
            this.heap = new int[capacity];
            this.position = new int[capacity];
            Arrays.fill(position, -1);
            this.key = key;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void insertOrDecrease(int node) {
            int i = position[node];
            if (i < 0) {
                i = size++;
                heap[i] = node;
                position[node] = i;
            }
            siftUp(i);
        }

        int pop() {
            int top = heap[0];
            position[top] = -1;
            size--;
            if (size > 0) {
                heap[0] = heap[size];
                position[heap[0]] = 0;
                siftDown(0);
            }
            return top;
        }

        void clear() {
            for (int i = 0; i < size; i++) {
                position[heap[i]] = -1;
            }
            size = 0;
        }

        private void siftUp(int i) {
            int node = heap[i];
            long k = key[node];
            while (i > 0) {
                int parentIndex = (i - 1) >>> 1;
                int parentNode = heap[parentIndex];
                if (key[parentNode] <= k) {
                    break;
                }
                heap[i] = parentNode;
                position[parentNode] = i;
                i = parentIndex;
            }
            heap[i] = node;
            position[node] = i;
        }

        private void siftDown(int i) {
            int node = heap[i];
            long k = key[node];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && key[heap[child + 1]] < key[heap[child]]) {
                    child++;
                }
                if (key[heap[child]] >= k) {
                    break;
                }
                heap[i] = heap[child];
                position[heap[i]] = i;
                i = child;
            }
            heap[i] = node;
            position[node] = i;
        }
    }
}
