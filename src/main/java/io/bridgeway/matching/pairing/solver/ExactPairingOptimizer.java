package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.domain.Mentee;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairingSolution;

import java.util.Arrays;
import java.util.List;

/**
 * Exact optimum of the linear MODEL.md objective: a max-weight b-matching solved as a min-cost flow
 * (source -> mentee -> mentor -> sink, plus mentee -> sink for "unmatched") by successive shortest paths
 * with Dijkstra and node potentials, adding one mentee at a time (the Hungarian method with mentor
 * capacities). Array-based so 10,000-person instances (millions of candidate pairs) fit in little memory.
 * Pinned assignments are kept and use up their mentor's capacity.
 */
public final class ExactPairingOptimizer {

    private static final int NEW = -1;
    private static final int ON_SINK = -2;
    private static final long INFINITY = Long.MAX_VALUE / 4;

    private ExactPairingOptimizer() {
    }

    /** The optimum for the unpinned assignments: the mentor of each assignment, by assignment position. */
    public record Result(Mentor[] mentors, long objective, long millis) {
    }

    public static Result optimize(PairingSolution solution) {
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
        int[] rowStart = new int[rowCount + 1];
        int edgeCapacity = 1024;
        int[] edgeMentor = new int[edgeCapacity];
        int[] edgeCost = new int[edgeCapacity];
        int edges = 0;
        int row = 0;
        for (int i = 0; i < assignments.size(); i++) {
            MenteeAssignment assignment = assignments.get(i);
            if (assignment.isPinned()) {
                continue;
            }
            rowAssignment[row] = i;
            rowStart[row] = edges;
            Mentee mentee = assignment.getMentee();
            for (Mentor mentor : mentee.getCandidateMentors()) {
                if (capacity[mentor.getIndex()] <= 0 || !rules.isAllowed(mentor, mentee)) {
                    continue;
                }
                long value = rules.pairValue(mentor, mentee);
                if (value <= 0) {
                    continue; // never better than leaving the mentee unmatched
                }
                if (edges == edgeCapacity) {
                    edgeCapacity *= 2;
                    edgeMentor = Arrays.copyOf(edgeMentor, edgeCapacity);
                    edgeCost = Arrays.copyOf(edgeCost, edgeCapacity);
                }
                edgeMentor[edges] = mentor.getIndex();
                edgeCost[edges] = Math.toIntExact(-value);
                edges++;
            }
            row++;
        }
        rowStart[rowCount] = edges;

        int[] rowMentor = new Flow(rowCount, mentorCount, capacity, rowStart, edgeMentor, edgeCost).solve();
        long objective = 0;
        for (int r = 0; r < rowCount; r++) {
            if (rowMentor[r] >= 0) {
                Mentor mentor = mentorList.get(rowMentor[r]);
                result[rowAssignment[r]] = mentor;
            }
        }
        for (int i = 0; i < assignments.size(); i++) {
            if (result[i] != null) {
                objective += rules.pairValue(result[i], assignments.get(i).getMentee());
            }
        }
        return new Result(result, objective, (System.nanoTime() - start) / 1_000_000);
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
        int[] solve() {
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
