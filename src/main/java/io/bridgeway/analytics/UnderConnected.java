package io.bridgeway.analytics;

import io.bridgeway.rounds.CrossTies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The under-connected, tracked as a group round by round. In a round, a seeker (someone who asked to be matched:
 * a mentee or a circle member) is <em>under-connected</em> when they had no cross-department tie before the round,
 * counting every earlier published round in scope (pairs and circles, {@link CrossTies}); everyone else who asked is
 * in "others". Each group's figures are suppressed when it has fewer than {@link NetworkFigures#MINIMUM_GROUP} people.
 */
public final class UnderConnected {

    public static final String GROUP = "under-connected";
    public static final String OTHERS = "others";

    private UnderConnected() {
    }

    /**
     * One group in one round. {@code people} asked to be matched, {@code matched} got a mentor, a mentee or a circle
     * seat ({@code matchRate} 0..1); {@code pairedMentees} got a mentor and {@code meanPairWeight} is the mean match
     * quality of those pairs; {@code mentees} asked for a mentor, with the waiting policy's rounds waited when the
     * round started ({@code meanRoundsWaited}, {@code longestWait}); {@code firstMatchedMentees} got their first
     * mentor in scope in this round, after {@code meanWaitBeforeFirstMatch} rounds waited on average. Numbers are
     * null when {@code suppressed}, and a mean is null when nobody is in it.
     */
    public record Row(String round, String group, boolean suppressed, Integer people, Integer matched, Double matchRate,
            Integer pairedMentees, Double meanPairWeight, Integer mentees, Double meanRoundsWaited, Integer longestWait,
            Integer firstMatchedMentees, Double meanWaitBeforeFirstMatch) {
    }

    static List<Row> rounds(List<Facts.Round> rounds, Map<String, String> departmentOf) {
        CrossTies ties = new CrossTies(departmentOf);
        Set<String> everPaired = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (Facts.Round round : rounds) {
            Set<String> matched = new HashSet<>();
            Map<String, Long> weightOf = new HashMap<>();
            round.pairs().forEach(pair -> {
                matched.add(pair.mentor());
                matched.add(pair.mentee());
                weightOf.put(pair.mentee(), pair.weight());
            });
            round.circles().forEach(circle -> matched.addAll(circle.members()));
            List<Facts.Seeker> under = new ArrayList<>();
            List<Facts.Seeker> others = new ArrayList<>();
            round.seekers().forEach(s -> (ties.of(s.person()) == 0 ? under : others).add(s));
            rows.add(row(round.label(), GROUP, under, matched, weightOf, everPaired));
            rows.add(row(round.label(), OTHERS, others, matched, weightOf, everPaired));
            everPaired.addAll(weightOf.keySet());
            NetworkFigures.meet(ties, round);
        }
        return rows;
    }

    private static Row row(String round, String group, List<Facts.Seeker> seekers, Set<String> matched,
            Map<String, Long> weightOf, Set<String> everPaired) {
        if (seekers.size() < NetworkFigures.MINIMUM_GROUP) {
            return new Row(round, group, true, null, null, null, null, null, null, null, null, null, null);
        }
        int matchedCount = (int) seekers.stream().filter(s -> matched.contains(s.person())).count();
        List<Long> weights = seekers.stream().filter(s -> s.asMentee() && weightOf.get(s.person()) != null)
                .map(s -> weightOf.get(s.person())).toList();
        List<Facts.Seeker> mentees = seekers.stream().filter(Facts.Seeker::asMentee).toList();
        List<Facts.Seeker> firstMatched = mentees.stream()
                .filter(s -> weightOf.containsKey(s.person()) && !everPaired.contains(s.person())).toList();
        return new Row(round, group, false, seekers.size(), matchedCount,
                NetworkFigures.rounded(matchedCount / (double) seekers.size(), 1000),
                weights.size(), mean(weights, Long::doubleValue, 10),
                mentees.size(), mean(mentees, Facts.Seeker::roundsWaited, 100),
                mentees.stream().mapToInt(Facts.Seeker::roundsWaited).max().stream().boxed().findFirst().orElse(null),
                firstMatched.size(), mean(firstMatched, Facts.Seeker::roundsWaited, 100));
    }

    private static <T> Double mean(List<T> items, ToDoubleFunction<T> value, int scale) {
        return items.isEmpty() ? null
                : NetworkFigures.rounded(items.stream().mapToDouble(value).average().orElseThrow(), scale);
    }
}
