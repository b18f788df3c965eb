package io.bridgeway.analytics;

import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.rounds.CrossTies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome figures of the fairness simulation (docs/outcomes.md), after a round and over all published rounds so
 * far: the simulation ({@code FairnessSimulation}) and the dashboard's real programme compute them here, so the two
 * are the same figures.
 */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * {@code matched} of {@code mentees} in the round; {@code neverMatched}: of those mentees, never given a mentor so
     * far; {@code longestWait}: the most rounds in a row any mentee has waited so far (unmatched while having an
     * allowed mentor, as {@code PairRules.roundsWaitedAfter} counts them); {@code waitedWhileOthersMatchedTwice}:
     * mentees who waited 2 or more rounds in a row while some other mentee was matched in at least 2 of those same
     * rounds; then cross-department ties over the {@code participants} so far (mentors, mentees, circle members).
     */
    public record Figures(String round, int matched, int mentees, int neverMatched, int longestWait,
            int waitedWhileOthersMatchedTwice, int participants, int withoutCrossTie, double meanCrossTies,
            double shareWithAtLeast3Ties, int departmentPairsBridged, int departmentPairs, int fewestDepartmentPairTies,
            double lowestDecileMeanTies) {
    }

    /**
     * Who waited how long, and while whom was matched: each mentee's current wait started in some round (the first
     * round that counted after their last match), and a wait of 2+ rounds is unfair if, over the rounds from its
     * start to now, some mentee was matched at least twice. Rounds are numbered 1, 2, ... in the order published.
     */
    public static final class WaitSpans {

        private final List<Set<String>> matchedByRound = new ArrayList<>(); // index = round number - 1
        private final Map<String, Integer> waitStartedIn = new HashMap<>();
        private final Set<String> waitedWhileOthersMatchedTwice = new HashSet<>();
        private int longestWait;

        /** The mentees given a mentor in the next round. */
        public void published(Set<String> matched) {
            matchedByRound.add(Set.copyOf(matched));
        }

        /** A mentee's rounds waited went from {@code before} to {@code after} in this round. */
        public void waited(String mentee, int round, int before, int after) {
            if (after == 0) {
                waitStartedIn.remove(mentee);
                return;
            }
            // a wait seen first mid-way (a mentee who skipped rounds, or data read from a later round) started
            // 'after' counted rounds ago
            waitStartedIn.computeIfAbsent(mentee, k -> Math.max(1, round - after + 1));
            longestWait = Math.max(longestWait, after);
            if (after >= 2 && someoneMatchedTwice(waitStartedIn.get(mentee), round)) {
                waitedWhileOthersMatchedTwice.add(mentee);
            }
        }

        public int longestWait() {
            return longestWait;
        }

        public int waitedWhileOthersMatchedTwice() {
            return waitedWhileOthersMatchedTwice.size();
        }

        /** Whether some mentee was matched in at least 2 of the rounds from..to (the waiting mentee was not). */
        private boolean someoneMatchedTwice(int from, int to) {
            Set<String> once = new HashSet<>();
            for (int r = from; r <= to; r++) {
                for (String mentee : matchedByRound.get(r - 1)) {
                    if (!once.add(mentee)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The figures after a round; {@code ties} holds every meeting so far, {@code departments} person -> department. */
    public static Figures after(String round, int matched, int mentees, int neverMatched, WaitSpans waits,
            Set<String> participants, CrossTies ties, Map<String, String> departments) {
        List<Integer> counts = participants.stream().map(ties::of).sorted().toList();
        int n = counts.size();
        int none = (int) counts.stream().filter(c -> c == 0).count();
        double mean = counts.stream().mapToInt(Integer::intValue).average().orElse(0);
        double atLeast3 = n == 0 ? 0 : counts.stream().filter(c -> c >= 3).count() / (double) n;
        int decile = Math.max(1, (n + 9) / 10);
        double lowest = counts.stream().limit(decile).mapToInt(Integer::intValue).average().orElse(0);
        Set<String> depts = new TreeSet<>();
        participants.forEach(id -> depts.add(departments.get(id)));
        List<String> deptList = new ArrayList<>(depts);
        Map<String, Integer> byPair = ties.byDepartmentPair();
        int pairs = 0;
        int bridged = 0;
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < deptList.size(); i++) {
            for (int j = i + 1; j < deptList.size(); j++) {
                int t = byPair.getOrDefault(CrossTies.departmentPair(deptList.get(i), deptList.get(j)), 0);
                pairs++;
                bridged += t > 0 ? 1 : 0;
                fewest = Math.min(fewest, t);
            }
        }
        return new Figures(round, matched, mentees, neverMatched, waits.longestWait(),
                waits.waitedWhileOthersMatchedTwice(), n, none, mean, atLeast3, bridged, pairs,
                pairs == 0 ? 0 : fewest, lowest);
    }

    /**
     * The figures after each published round of a real programme (or all of them): mentees are the round's seekers
     * who asked for a mentor; their rounds waited go from the count stored when the round started one step of
     * {@link PairRules#roundsWaitedAfter}, as the next round will store it; participants are everyone present in a
     * round so far. Means and shares are rounded for display (2 and 3 decimals).
     */
    static List<Figures> ofRounds(List<Facts.Round> rounds, Map<String, String> departmentOf) {
        CrossTies ties = new CrossTies(departmentOf);
        WaitSpans waits = new WaitSpans();
        Set<String> everPaired = new HashSet<>();
        Set<String> participants = new TreeSet<>();
        List<Figures> figures = new ArrayList<>();
        int number = 0;
        for (Facts.Round round : rounds) {
            number++;
            Set<String> paired = new HashSet<>();
            round.pairs().forEach(pair -> paired.add(pair.mentee()));
            waits.published(paired);
            List<Facts.Seeker> mentees = round.seekers().stream().filter(Facts.Seeker::asMentee).toList();
            for (Facts.Seeker mentee : mentees) {
                waits.waited(mentee.person(), number, mentee.roundsWaited(), PairRules.roundsWaitedAfter(
                        mentee.roundsWaited(), paired.contains(mentee.person()), Boolean.TRUE.equals(mentee.hadAllowedMentor())));
            }
            everPaired.addAll(paired);
            participants.addAll(round.present());
            NetworkFigures.meet(ties, round);
            Figures f = after(round.label(), (int) mentees.stream().filter(m -> paired.contains(m.person())).count(),
                    mentees.size(), (int) mentees.stream().filter(m -> !everPaired.contains(m.person())).count(), waits,
                    participants, ties, departmentOf);
            figures.add(new Figures(f.round(), f.matched(), f.mentees(), f.neverMatched(), f.longestWait(),
                    f.waitedWhileOthersMatchedTwice(), f.participants(), f.withoutCrossTie(),
                    NetworkFigures.rounded(f.meanCrossTies(), 100), NetworkFigures.rounded(f.shareWithAtLeast3Ties(), 1000),
                    f.departmentPairsBridged(), f.departmentPairs(), f.fewestDepartmentPairTies(),
                    NetworkFigures.rounded(f.lowestDecileMeanTies(), 100)));
        }
        return figures;
    }
}
