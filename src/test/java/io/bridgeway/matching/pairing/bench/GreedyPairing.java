package io.bridgeway.matching.pairing.bench;

import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairingSolution;

import java.util.Arrays;
import java.util.List;

/** The "best pair first" baseline of MODEL.md: take allowed pairs by decreasing value while they fit. */
public final class GreedyPairing {

    private GreedyPairing() {
    }

    /** Returns {objective, pairWeightSum}. Does not change the solution. */
    public static long[] objectiveAndWeight(PairingSolution solution) {
        PairRules rules = solution.getRules();
        List<MenteeAssignment> assignments = solution.getAssignments();
        int edges = 0;
        for (MenteeAssignment a : assignments) {
            edges += a.getMentee().getCandidateMentors().size();
        }
        // value in the high bits, (row, candidate position) packed into an edge id in the low bits
        long[] keys = new long[edges];
        int[] edgeRow = new int[edges];
        Mentor[] edgeMentor = new Mentor[edges];
        int k = 0;
        for (int r = 0; r < assignments.size(); r++) {
            for (Mentor m : assignments.get(r).getMentee().getCandidateMentors()) {
                long value = rules.pairValue(m, assignments.get(r).getMentee());
                keys[k] = (value << 32) | k;
                edgeRow[k] = r;
                edgeMentor[k] = m;
                k++;
            }
        }
        Arrays.sort(keys);
        int[] load = new int[solution.getMentors().size()];
        boolean[] matched = new boolean[assignments.size()];
        long objective = 0;
        long weight = 0;
        for (int i = keys.length - 1; i >= 0; i--) {
            int e = (int) (keys[i] & 0xffffffffL);
            Mentor m = edgeMentor[e];
            int r = edgeRow[e];
            if (!matched[r] && load[m.getIndex()] < m.getCapacity() && (keys[i] >> 32) > 0) {
                matched[r] = true;
                load[m.getIndex()]++;
                objective += rules.pairValue(m, assignments.get(r).getMentee());
                weight += rules.pairWeight(m, assignments.get(r).getMentee());
            }
        }
        return new long[] {objective, weight};
    }
}
