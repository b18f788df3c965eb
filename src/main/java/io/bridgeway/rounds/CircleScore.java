package io.bridgeway.rounds;

import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesSettings;
import io.bridgeway.matching.circles.solver.CircleRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The canonical circles score of a round's circles (repeats, then soft penalty), computed with the
 * core's {@link CircleRules}, so a manual move can report its effect.
 */
record CircleScore(int repeats, long soft) {

    /** @param circles each circle's member ids, over all meetings; {@code history} earlier circles */
    static CircleScore of(List<List<Long>> circles, List<List<String>> history, Map<Long, ParticipantSnapshot> people,
            CirclesSettings settings) {
        Map<String, Integer> meetings = new HashMap<>();
        long soft = 0;
        for (List<Long> circle : circles) {
            List<CircleMember> members = new ArrayList<>();
            for (Long id : circle) {
                ParticipantSnapshot snapshot = people.get(id);
                if (snapshot != null) {
                    members.add(new CircleMember(members.size(), snapshot.profile(), true));
                }
            }
            soft += CircleRules.softPenalty(members, settings);
            for (int i = 0; i < circle.size(); i++) {
                for (int j = i + 1; j < circle.size(); j++) {
                    meetings.merge(key(circle.get(i), circle.get(j)), 1, Integer::sum);
                }
            }
        }
        Set<String> metBefore = new HashSet<>();
        for (List<String> group : history) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    metBefore.add(key(Long.valueOf(group.get(i)), Long.valueOf(group.get(j))));
                }
            }
        }
        int repeats = 0;
        for (Map.Entry<String, Integer> pair : meetings.entrySet()) {
            repeats += CircleRules.repeatsOfPair(pair.getValue(), metBefore.contains(pair.getKey()));
        }
        return new CircleScore(repeats, soft);
    }

    private static String key(long a, long b) {
        return Math.min(a, b) + "-" + Math.max(a, b);
    }
}
