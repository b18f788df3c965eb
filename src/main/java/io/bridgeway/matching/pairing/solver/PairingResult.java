package io.bridgeway.matching.pairing.solver;

import java.util.List;

/**
 * A solved pairing round, ready to show or to write as the benchmark solution JSON.
 *
 * @param objective     the MODEL.md objective: sum over pairs of 1000 * priority + w
 * @param pairWeightSum sum of w over the pairs
 * @param score         the OptaPlanner score, e.g. {@code 0hard/-1234567soft}
 */
public record PairingResult(
        String name,
        List<MatchedPair> pairs,
        List<UnmatchedMentee> unmatched,
        String score,
        boolean feasible,
        long objective,
        long pairWeightSum,
        double seconds) {

    /** One pair with its value and the plain-words contributions that make it up. */
    public record MatchedPair(String mentorId, String menteeId, long value, long weight, boolean pinned,
            List<String> explanation) {
    }

    /**
     * A mentee left without a mentor, and why.
     *
     * @param eligible at least one mentor was allowed by every hard rule (the waiting policy counts such rounds)
     * @param help     what would help, in a manager's words, e.g. "no mentor with the goal negotiation has a free
     *                 place: recruit one, or raise a capacity"
     */
    public record UnmatchedMentee(String menteeId, int priority, boolean pinned, String reason, boolean eligible,
            String help) {
    }
}
