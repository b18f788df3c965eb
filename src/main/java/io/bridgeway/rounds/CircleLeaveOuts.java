package io.bridgeway.rounds;

import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Circles never seat two people who are kept apart (a hard rule). The solver avoids it where it can, but a member
 * who keeps most of a small programme apart cannot be seated anywhere, and a round that breaks the rule can never
 * be published. So, as an unmatched mentee is left without a mentor, such a member is left out of that meeting's
 * circles: from each circle that breaks the rule, the member with the most kept-apart colleagues in it goes (on a
 * tie, one a manager did not pin, then the one kept apart from the most people in the programme, the hardest to
 * seat, rather than a colleague who happens to share the circle), until the circle is clean. A circle they leave
 * below the problem's smallest size is then refilled from a larger one of that meeting where the rules allow
 * ({@link CircleRefills}); one that cannot be stays small, and a manager can move someone into it.
 */
final class CircleLeaveOuts {

    /** All that managers are told: never whose rule it is or with whom, both confidential. */
    static final String REASON = "Could not be seated in a circle this round (matching rules).";

    private CircleLeaveOuts() {
    }

    /**
     * @param result the circles, measured again when anyone was left out
     * @param leftOut for each meeting (from 0), the ids of the members left out
     */
    record Seated(CirclesResult result, List<List<String>> leftOut) {

        boolean anyLeftOut() {
            return leftOut.stream().anyMatch(ids -> !ids.isEmpty());
        }
    }

    /** The solved circles of {@code problem} with every member who breaks a kept-apart rule left out. */
    static Seated leaveOutKeptApart(CirclesProblem problem, CirclesResult solved,
            Collection<RoundResults.CirclePin> pins) {
        Set<List<String>> apart = new HashSet<>(problem.keptApart());
        Map<String, Integer> pairsOf = new HashMap<>();
        problem.keptApart().forEach(pair -> pair.forEach(id -> pairsOf.merge(id, 1, Integer::sum)));
        Set<String> pinned = new HashSet<>();
        pins.forEach(p -> pinned.add(p.personId() + "@" + p.meetingIndex()));
        List<List<List<String>>> rounds = new ArrayList<>();
        List<List<String>> leftOut = new ArrayList<>();
        for (int r = 0; r < solved.rounds().size(); r++) {
            List<List<String>> circles = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (List<String> circle : solved.rounds().get(r)) {
                List<String> members = new ArrayList<>(circle);
                String leaving;
                while (!apart.isEmpty() && (leaving = mostKeptApart(members, apart, pinned, pairsOf, r)) != null) {
                    members.remove(leaving);
                    out.add(leaving);
                }
                circles.add(members);
            }
            rounds.add(circles);
            leftOut.add(out);
        }
        Seated seated = new Seated(solved, leftOut);
        if (!seated.anyLeftOut()) {
            return seated;
        }
        List<Integer> meetingsWithLeaveOuts = IntStream.range(0, leftOut.size())
                .filter(meeting -> !leftOut.get(meeting).isEmpty()).boxed().toList();
        CircleRefills.refill(problem, rounds, meetingsWithLeaveOuts, apart, pinned);
        CirclesResult remeasured = CirclesPlanner.evaluate(problem, rounds); // hours, notes and score without them
        return new Seated(new CirclesResult(remeasured.rounds(), remeasured.meetingBlocks(), remeasured.score(),
                remeasured.hard(), remeasured.repeats(), remeasured.soft(), remeasured.unavailableMembers(),
                solved.seconds(), remeasured.explanations()), leftOut);
    }

    /** The member who leaves the circle first (see the class comment); null when nobody in it is kept apart. */
    private static String mostKeptApart(List<String> members, Set<List<String>> apart, Set<String> pinned,
            Map<String, Integer> pairsOf, int meeting) {
        Comparator<String> leavesFirst = Comparator.<String>comparingInt(m -> conflicts(m, members, apart))
                .thenComparing(m -> !pinned.contains(m + "@" + meeting))
                .thenComparingInt(m -> pairsOf.getOrDefault(m, 0));
        String worst = members.stream().max(leavesFirst).orElse(null);
        return worst == null || conflicts(worst, members, apart) == 0 ? null : worst;
    }

    /** How many of {@code members} {@code member} is kept apart from. */
    static int conflicts(String member, List<String> members, Set<List<String>> apart) {
        return (int) members.stream()
                .filter(other -> KeptApart.includes(apart, Long.parseLong(member), Long.parseLong(other))).count();
    }
}
