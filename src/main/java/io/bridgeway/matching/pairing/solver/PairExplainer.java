package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.domain.Contribution;
import io.bridgeway.matching.pairing.domain.HardRule;
import io.bridgeway.matching.pairing.domain.Mentee;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairValues;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain-words explanations of a solution: for every pair its contributions, for every unmatched mentee the reason.
 * The pair lines are {@link PairRules#contributions} and {@link HardRule#brokenText}, the same sentences the
 * constraints give as justifications, so explanations and constraint matches cannot drift apart.
 */
public final class PairExplainer {

    private final PairingSolution solution;
    private final PairRules rules;
    /** Mentees per mentor index. */
    private final List<List<MenteeAssignment>> menteesOf;
    /** Value of each matched mentee's pair, by mentee index (a forced forbidden pin included). */
    private final long[] heldValue;
    private PairValues values;
    private Mentee lastOptionsOf;
    private Options lastOptions;

    public PairExplainer(PairingSolution solution) {
        this.solution = solution;
        this.rules = solution.getRules();
        this.menteesOf = new ArrayList<>();
        for (int i = 0; i < solution.getMentors().size(); i++) {
            menteesOf.add(new ArrayList<>());
        }
        this.heldValue = new long[solution.getMentees().size()];
        for (MenteeAssignment assignment : solution.getAssignments()) {
            if (assignment.getMentor() != null) {
                menteesOf.get(assignment.getMentor().getIndex()).add(assignment);
                heldValue[assignment.getMentee().getIndex()] = rules.pairValue(assignment.getMentor(), assignment.getMentee());
            }
        }
    }

    /** The full result of a solved (or warm-started) solution. */
    public static PairingResult explain(PairingSolution solution, double seconds) {
        HardSoftLongScore score = solution.getScore();
        if (score == null) {
            SolutionManager<PairingSolution, HardSoftLongScore> manager = SolutionManager.create(
                    SolverFactory.create(PairingSolverConfig.create(Duration.ofSeconds(1))));
            score = manager.update(solution);
        }
        PairExplainer explainer = new PairExplainer(solution);
        List<PairingResult.MatchedPair> pairs = new ArrayList<>();
        List<PairingResult.UnmatchedMentee> unmatched = new ArrayList<>();
        long objective = 0;
        long weightSum = 0;
        for (MenteeAssignment assignment : solution.getAssignments()) {
            Mentee mentee = assignment.getMentee();
            Mentor mentor = assignment.getMentor();
            if (mentor == null) {
                unmatched.add(new PairingResult.UnmatchedMentee(mentee.getId(), mentee.getPriority(),
                        assignment.isPinned(), explainer.unmatchedReason(assignment),
                        explainer.hasAllowedMentor(mentee), explainer.unmatchedHelp(assignment)));
            } else {
                long value = explainer.rules.pairValue(mentor, mentee);
                objective += value;
                weightSum += explainer.rules.pairWeight(mentor, mentee);
                pairs.add(new PairingResult.MatchedPair(mentor.getId(), mentee.getId(), value,
                        explainer.rules.pairWeight(mentor, mentee), assignment.isPinned(), explainer.explainPair(assignment)));
            }
        }
        return new PairingResult(solution.getName(), pairs, unmatched, score.toString(), score.isFeasible(),
                objective, weightSum, seconds);
    }

    /** E.g. "shares 2 of the mentee's goals: negotiation, public-speaking (+60)", "3 h apart (-6)". */
    public List<String> explainPair(MenteeAssignment assignment) {
        Mentor mentor = assignment.getMentor();
        Mentee mentee = assignment.getMentee();
        List<String> lines = new ArrayList<>();
        if (assignment.isPinned()) {
            lines.add(PairRules.PINNED_LINE);
        }
        for (HardRule rule : HardRule.values()) {
            if (rules.breaks(rule, mentor, mentee)) {
                lines.add(rule.brokenText());
            }
        }
        for (Contribution contribution : rules.contributions(mentor, mentee)) {
            lines.add(contribution.text());
        }
        return lines;
    }

    /** The mentors every hard rule allows, and how many each rule excluded (first broken rule, check.py order). */
    private record Options(List<Mentor> allowed, Map<HardRule, Integer> excluded) {
    }

    /** One mentee's options; the last one is kept, since each unmatched mentee asks for them several times in a row. */
    private Options options(Mentee mentee) {
        if (lastOptionsOf != mentee) {
            lastOptions = computeOptions(mentee);
            lastOptionsOf = mentee;
        }
        return lastOptions;
    }

    private Options computeOptions(Mentee mentee) {
        Map<HardRule, Integer> excluded = new EnumMap<>(HardRule.class);
        List<Mentor> allowed = new ArrayList<>();
        for (Mentor mentor : solution.getMentors()) {
            HardRule rule = values().firstBrokenRule(mentor, mentee);
            if (rule == null) {
                allowed.add(mentor);
            } else {
                excluded.merge(rule, 1, Integer::sum);
            }
        }
        return new Options(allowed, excluded);
    }

    public String unmatchedReason(MenteeAssignment assignment) {
        Mentee mentee = assignment.getMentee();
        if (assignment.isPinned()) {
            return "kept unmatched by a manager (pinned)";
        }
        List<Mentor> mentors = solution.getMentors();
        if (mentors.isEmpty()) {
            return "there are no mentors in this round";
        }
        Options candidates = options(mentee);
        List<Mentor> allowed = candidates.allowed();
        Map<HardRule, Integer> excluded = candidates.excluded();
        if (allowed.isEmpty()) {
            return "no allowed mentor: of " + plural(mentors.size(), "mentor") + ", " + exclusionSummary(excluded);
        }
        long bestValue = Long.MIN_VALUE;
        Mentor bestMentor = null;
        int free = 0;
        int lowerValueSlots = 0;
        long freeBestValue = Long.MIN_VALUE;
        for (Mentor mentor : allowed) {
            long value = values().value(mentor, mentee); // allowed, so the same as rules.pairValue
            if (value > bestValue) {
                bestValue = value;
                bestMentor = mentor;
            }
            List<MenteeAssignment> held = menteesOf.get(mentor.getIndex());
            if (held.size() < mentor.getCapacity()) {
                free++;
                freeBestValue = Math.max(freeBestValue, value);
            } else {
                for (MenteeAssignment other : held) {
                    if (heldValue[other.getMentee().getIndex()] < value) {
                        lowerValueSlots++;
                    }
                }
            }
        }
        String options = plural(allowed.size(), "allowed mentor")
                + (excluded.isEmpty() ? "" : "; of the others " + exclusionSummary(excluded));
        if (free > 0) {
            if (freeBestValue <= 0) {
                return free + " allowed mentors have room, but every such pair would be worth 0 or less (" + options + ")";
            }
            return free + " allowed mentors still have room; the solver stopped before using them (" + options + ")";
        }
        String best = "this mentee's best pair would be worth " + bestValue + " with " + bestMentor.getId();
        if (lowerValueSlots == 0) {
            return "every allowed mentor is full, and each of their slots holds a pair worth at least as much; "
                    + best + " (" + options + ")";
        }
        return "every allowed mentor is full; " + plural(lowerValueSlots, "slot")
                + " hold a pair worth less (pinned by a manager, or the solver stopped early); " + best + " (" + options + ")";
    }

    public boolean hasAllowedMentor(Mentee mentee) {
        return !options(mentee).allowed().isEmpty();
    }

    /** Built on first use: scanning every mentor for each unmatched mentee (tens of millions at 50,000 people). */
    private PairValues values() {
        if (values == null) {
            values = new PairValues(rules, solution.getMentors(), solution.getMentees());
        }
        return values;
    }

    /**
     * What would help an unmatched mentee, for the programme page: a full mentor pool names the mentee's
     * goals no allowed mentor with a free place covers; no allowed mentor names the remedy of the most
     * frequent rule.
     */
    public String unmatchedHelp(MenteeAssignment assignment) {
        Mentee mentee = assignment.getMentee();
        if (assignment.isPinned()) {
            return "unpin the mentee so that the solver can match them";
        }
        List<Mentor> mentors = solution.getMentors();
        if (mentors.isEmpty()) {
            return "recruit mentors for this programme";
        }
        Options candidates = options(mentee);
        List<Mentor> allowed = candidates.allowed();
        Map<HardRule, Integer> excluded = candidates.excluded();
        if (allowed.isEmpty()) {
            HardRule most = excluded.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            return "no mentor is allowed (" + most.constraintName().toLowerCase(Locale.ROOT) + "): " + most.remedy();
        }
        List<String> uncovered = new ArrayList<>();
        List<String> full = new ArrayList<>();
        for (String goal : new java.util.TreeSet<>(mentee.getPerson().goals())) {
            boolean anyWithGoal = false;
            boolean freeWithGoal = false;
            for (Mentor mentor : allowed) {
                if (mentor.getPerson().proficiency(goal) > 0) {
                    anyWithGoal = true;
                    freeWithGoal |= menteesOf.get(mentor.getIndex()).size() < mentor.getCapacity();
                    if (freeWithGoal) {
                        break; // both known; thousands of allowed mentors at 50,000 people
                    }
                }
            }
            if (!anyWithGoal) {
                uncovered.add(goal);
            } else if (!freeWithGoal) {
                full.add(goal);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!full.isEmpty()) {
            parts.add("no mentor with the goal " + String.join(" or ", full) + " has a free place: recruit one, or raise a capacity");
        }
        if (!uncovered.isEmpty()) {
            parts.add("no allowed mentor has the goal " + String.join(" or ", uncovered) + ": recruit one");
        }
        long free = allowed.stream().filter(m -> menteesOf.get(m.getIndex()).size() < m.getCapacity()).count();
        if (parts.isEmpty()) {
            parts.add(free > 0 ? free + " allowed mentors have room: solve the round again"
                    : "all " + plural(allowed.size(), "allowed mentor") + " are full: recruit a mentor, or raise a capacity");
        }
        return String.join("; ", parts);
    }

    /** "812 are in a time zone too far away, 300 are not senior enough" - most frequent rule first. */
    private static String exclusionSummary(Map<HardRule, Integer> excluded) {
        if (excluded.isEmpty()) {
            return "none excluded by a hard rule";
        }
        List<Map.Entry<HardRule, Integer>> entries = new ArrayList<>(excluded.entrySet());
        entries.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<HardRule, Integer> entry : entries) {
            parts.add(entry.getValue() + " " + entry.getKey().mentorPhrase().replaceFirst("^is ", entry.getValue() == 1 ? "is " : "are ")
                    .replaceFirst("^shares ", entry.getValue() == 1 ? "shares " : "share "));
        }
        return String.join(", ", parts) + (parts.size() > 1 ? "; most often: " + entries.get(0).getKey().constraintName()
                .toLowerCase(Locale.ROOT) : "");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
