package io.bridgeway.analytics;

import io.bridgeway.rounds.CrossTies;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every figure of the analytics dashboard, computed from {@link Facts} (pure Java). A figure about a group of
 * people defined by department, level or office, with fewer than {@link #MINIMUM_GROUP} people, is suppressed:
 * {@code suppressed: true} and its numbers null, so no one can be re-identified from a small cell. Feedback is
 * confidential as well: the overall figures are suppressed when fewer than {@link #MINIMUM_GROUP} people answered,
 * and a breakdown with one hidden group hides the next-smallest too ({@link #hiddenGroups}), so the hidden group is
 * not the total minus the shown ones. Programme-wide participation totals and distributions that name no group
 * (mentor load, repeats, reasons overall) are not suppressed.
 */
public record NetworkFigures(int minimumGroupSize, Totals totals, Map<String, Integer> unmatchedReasons,
        List<GroupRow> byDepartment, List<GroupRow> byLevel, List<GroupRow> byOffice,
        List<GroupRow> byDepartmentAndLevel, CrossDepartment crossDepartment, List<RoundReach> withoutCrossTie,
        List<LoadBin> mentorLoad, Feedback feedback, List<RoundRepeats> repeats, List<UnderConnected.Row> underConnected,
        List<Outcomes.Figures> outcomes) {

    public static final int MINIMUM_GROUP = 5;

    /** People in scope, signed up, matched in at least one round, left unmatched in at least one round. */
    public record Totals(int rounds, int people, int signedUp, int matched, int leftUnmatched) {
    }

    /** Participation of one group; the numbers are null when {@code suppressed}. */
    public record GroupRow(String group, boolean suppressed, Integer people, Integer signedUp, Integer matched,
            Integer leftUnmatched, Map<String, Integer> unmatchedReasons) {
    }

    /** Distinct cross-department ties over all rounds; a cell is suppressed when either department has fewer than 5 people. */
    public record CrossDepartment(int ties, int departmentPairsBridged, int departmentPairs, List<TieCell> matrix) {
    }

    public record TieCell(String departmentA, String departmentB, boolean suppressed, Integer ties) {
    }

    /** People in scope with no cross-department tie just before and just after a round. */
    public record RoundReach(String round, int people, int withoutTieBefore, int withoutTieAfter) {
    }

    /** How many times (mentor, round) a mentor had this many mentees. */
    public record LoadBin(int mentees, int mentorRounds) {
    }

    /** Overall outcomes; the numbers are null when {@code suppressed} (fewer than 5 people answered). */
    public record Feedback(boolean suppressed, Integer respondents, Integer answers, Double meetingRate,
            Double averageRating, List<FeedbackRow> byDepartment, List<FeedbackRow> byLevel) {
    }

    /**
     * Outcomes from one group's answers; suppressed when fewer than 5 people answered, or as the complement of the
     * one other hidden group of its breakdown.
     */
    public record FeedbackRow(String group, boolean suppressed, Integer respondents, Integer answers,
            Double meetingRate, Double averageRating) {
    }

    /**
     * Per round: {@code couldRepeat} counts two people who met before and were both there (earlier mentor and
     * mentee both in the round; any two who met, seated in the same circle meeting), {@code repeated} how many
     * met again, {@code avoided} the difference.
     */
    public record RoundRepeats(String round, int couldRepeat, int repeated, int avoided) {
    }

    public static NetworkFigures compute(Facts facts) {
        Map<String, Facts.Participant> people = new LinkedHashMap<>();
        facts.participants().forEach(p -> people.put(p.id(), p));
        Set<String> matched = new HashSet<>();
        Map<String, List<String>> unmatchedReasonsOf = new HashMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (Facts.Round round : facts.rounds()) {
            round.pairs().forEach(pair -> {
                matched.add(pair.mentor());
                matched.add(pair.mentee());
            });
            round.circles().forEach(circle -> matched.addAll(circle.members()));
            round.unmatched().forEach(u -> {
                unmatchedReasonsOf.computeIfAbsent(u.person(), k -> new ArrayList<>()).add(u.reasonCategory());
                reasons.merge(u.reasonCategory(), 1, Integer::sum);
            });
        }
        Collection<Facts.Participant> all = people.values();
        Totals totals = new Totals(facts.rounds().size(), all.size(),
                (int) all.stream().filter(Facts.Participant::signedUp).count(),
                (int) all.stream().filter(p -> matched.contains(p.id())).count(),
                (int) all.stream().filter(p -> unmatchedReasonsOf.containsKey(p.id())).count());
        Participation participation = new Participation(matched, unmatchedReasonsOf);
        return new NetworkFigures(MINIMUM_GROUP, totals, reasons,
                participation.rows(all, Facts.Participant::department),
                participation.rows(all, Facts.Participant::level),
                participation.rows(all, Facts.Participant::office),
                participation.rows(all, p -> p.department() + " / " + p.level()),
                crossDepartment(facts, people), withoutCrossTie(facts, people), mentorLoad(facts),
                feedback(facts, people), repeats(facts), UnderConnected.rounds(facts.rounds(), departments(people)),
                Outcomes.ofRounds(facts.rounds(), departments(people)));
    }

    private record Participation(Set<String> matched, Map<String, List<String>> unmatchedReasonsOf) {

        List<GroupRow> rows(Collection<Facts.Participant> all, Function<Facts.Participant, String> groupOf) {
            Map<String, List<Facts.Participant>> groups = groupBy(all, groupOf);
            List<GroupRow> rows = new ArrayList<>();
            groups.forEach((group, members) -> {
                if (members.size() < MINIMUM_GROUP) {
                    rows.add(new GroupRow(group, true, null, null, null, null, null));
                    return;
                }
                Map<String, Integer> reasons = new TreeMap<>();
                members.forEach(p -> unmatchedReasonsOf.getOrDefault(p.id(), List.of())
                        .forEach(reason -> reasons.merge(reason, 1, Integer::sum)));
                rows.add(new GroupRow(group, false, members.size(),
                        (int) members.stream().filter(Facts.Participant::signedUp).count(),
                        (int) members.stream().filter(p -> matched.contains(p.id())).count(),
                        (int) members.stream().filter(p -> unmatchedReasonsOf.containsKey(p.id())).count(), reasons));
            });
            return rows;
        }
    }

    private static <T> Map<String, List<T>> groupBy(Collection<T> items, Function<T, String> groupOf) {
        Map<String, List<T>> groups = new TreeMap<>();
        items.forEach(item -> groups.computeIfAbsent(groupOf.apply(item), k -> new ArrayList<>()).add(item));
        return groups;
    }

    private static Map<String, String> departments(Map<String, Facts.Participant> people) {
        Map<String, String> departmentOf = new HashMap<>();
        people.values().forEach(p -> departmentOf.put(p.id(), p.department()));
        return departmentOf;
    }

    /** Adds one round's meetings: each pair and each circle. */
    static void meet(CrossTies ties, Facts.Round round) {
        round.pairs().forEach(pair -> ties.met(List.of(pair.mentor(), pair.mentee())));
        round.circles().forEach(circle -> ties.met(circle.members()));
    }

    private static CrossDepartment crossDepartment(Facts facts, Map<String, Facts.Participant> people) {
        CrossTies ties = new CrossTies(departments(people));
        facts.rounds().forEach(round -> meet(ties, round));
        Map<String, Integer> byPair = ties.byDepartmentPair();
        Map<String, Long> sizes = new TreeMap<>();
        people.values().forEach(p -> sizes.merge(p.department(), 1L, Long::sum));
        List<String> departments = List.copyOf(sizes.keySet());
        List<TieCell> matrix = new ArrayList<>();
        for (int i = 0; i < departments.size(); i++) {
            for (int j = i + 1; j < departments.size(); j++) {
                String a = departments.get(i);
                String b = departments.get(j);
                boolean suppressed = sizes.get(a) < MINIMUM_GROUP || sizes.get(b) < MINIMUM_GROUP;
                matrix.add(new TieCell(a, b, suppressed,
                        suppressed ? null : byPair.getOrDefault(CrossTies.departmentPair(a, b), 0)));
            }
        }
        int total = byPair.values().stream().mapToInt(Integer::intValue).sum();
        return new CrossDepartment(total, byPair.size(), matrix.size(), matrix);
    }

    private static List<RoundReach> withoutCrossTie(Facts facts, Map<String, Facts.Participant> people) {
        CrossTies ties = new CrossTies(departments(people));
        List<RoundReach> reach = new ArrayList<>();
        for (Facts.Round round : facts.rounds()) {
            int before = withoutTie(ties, people.keySet());
            meet(ties, round);
            reach.add(new RoundReach(round.label(), people.size(), before, withoutTie(ties, people.keySet())));
        }
        return reach;
    }

    private static int withoutTie(CrossTies ties, Set<String> ids) {
        return (int) ids.stream().filter(id -> ties.of(id) == 0).count();
    }

    private static List<LoadBin> mentorLoad(Facts facts) {
        Map<Integer, Integer> bins = new TreeMap<>();
        for (Facts.Round round : facts.rounds()) {
            Map<String, Integer> load = new HashMap<>();
            round.mentors().forEach(mentor -> load.put(mentor, 0));
            round.pairs().forEach(pair -> load.merge(pair.mentor(), 1, Integer::sum));
            load.values().forEach(mentees -> bins.merge(mentees, 1, Integer::sum));
        }
        List<LoadBin> histogram = new ArrayList<>();
        int most = bins.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (int mentees = 0; mentees <= most; mentees++) {
            histogram.add(new LoadBin(mentees, bins.getOrDefault(mentees, 0)));
        }
        return histogram;
    }

    private static Feedback feedback(Facts facts, Map<String, Facts.Participant> people) {
        List<Facts.Answer> answers = facts.answers().stream().filter(a -> people.containsKey(a.person())).toList();
        FeedbackRow overall = feedbackRow("", answers, respondents(answers) < MINIMUM_GROUP);
        return new Feedback(overall.suppressed(), overall.respondents(), overall.answers(), overall.meetingRate(),
                overall.averageRating(), feedbackRows(answers, a -> people.get(a.person()).department(), overall),
                feedbackRows(answers, a -> people.get(a.person()).level(), overall));
    }

    private static List<FeedbackRow> feedbackRows(List<Facts.Answer> answers, Function<Facts.Answer, String> groupOf,
            FeedbackRow overall) {
        Map<String, List<Facts.Answer>> groups = groupBy(answers, groupOf);
        Map<String, Integer> sizes = new TreeMap<>();
        groups.forEach((group, given) -> sizes.put(group, respondents(given)));
        Set<String> hidden = hiddenGroups(sizes, !overall.suppressed());
        List<FeedbackRow> rows = new ArrayList<>();
        groups.forEach((group, given) -> rows.add(feedbackRow(group, given, hidden.contains(group))));
        return rows;
    }

    private static FeedbackRow feedbackRow(String group, List<Facts.Answer> given, boolean suppressed) {
        return suppressed
                ? new FeedbackRow(group, true, null, null, null, null)
                : new FeedbackRow(group, false, respondents(given), given.size(), meetingRate(given), averageRating(given));
    }

    private static int respondents(List<Facts.Answer> given) {
        return (int) given.stream().map(Facts.Answer::person).distinct().count();
    }

    /**
     * The groups of a breakdown to hide: those under {@link #MINIMUM_GROUP}, and, when exactly one is hidden while
     * the total is shown, the next-smallest as well (ties by name), so the total minus the shown groups only gives
     * the sum of two hidden groups, never one group's figure.
     */
    static Set<String> hiddenGroups(Map<String, Integer> sizes, boolean totalShown) {
        Set<String> hidden = new TreeSet<>();
        sizes.forEach((group, size) -> {
            if (size < MINIMUM_GROUP) {
                hidden.add(group);
            }
        });
        if (totalShown && hidden.size() == 1) {
            sizes.entrySet().stream().filter(e -> !hidden.contains(e.getKey()))
                    .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .ifPresent(e -> hidden.add(e.getKey()));
        }
        return hidden;
    }

    /** Share of answers saying they met, 0..1 to three decimals; null without answers. */
    private static Double meetingRate(List<Facts.Answer> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        return rounded(answers.stream().filter(Facts.Answer::met).count() / (double) answers.size(), 1000);
    }

    /** Mean of the given ratings to two decimals; null when nobody rated. */
    private static Double averageRating(List<Facts.Answer> answers) {
        return answers.stream().map(Facts.Answer::rating).filter(Objects::nonNull).mapToInt(Integer::intValue)
                .average().stream().map(mean -> rounded(mean, 100)).boxed().findFirst().orElse(null);
    }

    static double rounded(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }

    private static List<RoundRepeats> repeats(Facts facts) {
        Set<Set<String>> pairedBefore = new HashSet<>();
        Set<Set<String>> metBefore = new HashSet<>();
        List<RoundRepeats> rows = new ArrayList<>();
        for (Facts.Round round : facts.rounds()) {
            Set<String> present = new HashSet<>(round.present());
            int could = (int) pairedBefore.stream().filter(present::containsAll).count();
            int repeated = 0;
            List<Set<String>> metNow = new ArrayList<>();
            for (Facts.Pair pair : round.pairs()) {
                Set<String> two = Set.of(pair.mentor(), pair.mentee());
                repeated += pairedBefore.contains(two) ? 1 : 0;
                metNow.add(two);
            }
            pairedBefore.addAll(metNow);
            Map<Integer, List<Facts.Circle>> meetings = new TreeMap<>();
            round.circles().forEach(c -> meetings.computeIfAbsent(c.meeting(), k -> new ArrayList<>()).add(c));
            Set<Set<String>> seenInRound = new HashSet<>(metBefore);
            seenInRound.addAll(metNow);
            for (List<Facts.Circle> meeting : meetings.values()) {
                Set<String> seated = new TreeSet<>();
                meeting.forEach(c -> seated.addAll(c.members()));
                could += (int) seenInRound.stream().filter(two -> two.size() == 2 && seated.containsAll(two)).count();
                List<Set<String>> together = new ArrayList<>();
                meeting.forEach(c -> together.addAll(twos(c.members())));
                repeated += (int) together.stream().filter(seenInRound::contains).count();
                seenInRound.addAll(together);
            }
            metBefore.addAll(seenInRound);
            rows.add(new RoundRepeats(round.label(), could, repeated, could - repeated));
        }
        return rows;
    }

    private static List<Set<String>> twos(List<String> members) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(members));
        List<Set<String>> twos = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            for (int j = i + 1; j < distinct.size(); j++) {
                twos.add(Set.of(distinct.get(i), distinct.get(j)));
            }
        }
        return twos;
    }
}
