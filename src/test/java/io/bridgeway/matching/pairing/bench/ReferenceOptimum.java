package io.bridgeway.matching.pairing.bench;

import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.HashMap;
import java.util.Map;

/**
 * An independent optimum for tests: the same b-matching solved by JGraphT's capacity-scaling
 * min-cost flow (object graph, fine for small instances). Costs are shifted to be non-negative:
 * every mentee sends one unit either to a mentor (cost C - value) or straight to the sink (cost C).
 * Pins are ignored: use it on unpinned problems.
 */
public final class ReferenceOptimum {

    private ReferenceOptimum() {
    }

    public static long objective(PairingSolution solution) {
        PairRules rules = solution.getRules();
        Graph<String, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        graph.addVertex("S");
        graph.addVertex("T");
        long shift = 0;
        for (MenteeAssignment a : solution.getAssignments()) {
            for (Mentor m : a.getMentee().getCandidateMentors()) {
                shift = Math.max(shift, rules.pairValue(m, a.getMentee()));
            }
        }
        for (Mentor m : solution.getMentors()) {
            graph.addVertex("m:" + m.getId());
            DefaultWeightedEdge e = graph.addEdge("m:" + m.getId(), "T");
            graph.setEdgeWeight(e, 0);
            capacity.put(e, m.getCapacity());
        }
        for (MenteeAssignment a : solution.getAssignments()) {
            String row = "e:" + a.getMentee().getId();
            graph.addVertex(row);
            DefaultWeightedEdge in = graph.addEdge("S", row);
            graph.setEdgeWeight(in, 0);
            capacity.put(in, 1);
            DefaultWeightedEdge out = graph.addEdge(row, "T");
            graph.setEdgeWeight(out, shift);
            capacity.put(out, 1);
            for (Mentor m : a.getMentee().getCandidateMentors()) {
                if (rules.isAllowed(m, a.getMentee())) {
                    DefaultWeightedEdge e = graph.addEdge(row, "m:" + m.getId());
                    graph.setEdgeWeight(e, shift - rules.pairValue(m, a.getMentee()));
                    capacity.put(e, 1);
                }
            }
        }
        int rows = solution.getAssignments().size();
        MinimumCostFlowProblem<String, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                graph, v -> v.equals("S") ? rows : v.equals("T") ? -rows : 0, capacity::get);
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
                new CapacityScalingMinimumCostFlow<String, DefaultWeightedEdge>().getMinimumCostFlow(problem);
        return Math.round(rows * (double) shift - flow.getCost());
    }
}
