package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.PersonProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Problem fact holding the pairing rules of one instance: the settings plus precomputed reporting
 * chains, do-not-pair lists and history. Every rule and weight formula lives here once; the
 * constraints, the exact optimiser and the explanations all call these methods.
 */
public final class PairRules {

    private final PairingSettings settings;
    /** person id -> ids of everyone above that person in the reporting chain. */
    private final Map<String, Set<String>> managersAbove;
    /** person id -> ids that person must not be paired with (both directions stored). */
    private final Map<String, Set<String>> doNotPair;
    /** mentor id -> (mentee id -> fewest rounds ago they were paired). */
    private final Map<String, Map<String, Integer>> previousPairs;
    private Map<String, Set<String>> related;

    public PairRules(PairingSettings settings, List<PersonProfile> people,
            List<PairingProblem.PreviousPair> history, List<PairingProblem.DoNotPair> doNotPairs) {
        this.settings = settings;
        this.managersAbove = managersAbove(people);
        this.doNotPair = new HashMap<>();
        for (PairingProblem.DoNotPair pair : doNotPairs) {
            doNotPair.computeIfAbsent(pair.firstId(), k -> new HashSet<>()).add(pair.secondId());
            doNotPair.computeIfAbsent(pair.secondId(), k -> new HashSet<>()).add(pair.firstId());
        }
        this.previousPairs = new HashMap<>();
        for (PairingProblem.PreviousPair pair : history) {
            previousPairs.computeIfAbsent(pair.mentorId(), k -> new HashMap<>())
                    .merge(pair.menteeId(), pair.roundsAgo(), Math::min);
        }
    }

    /** Same walk as check.py: follow managerId upwards, stopping at unknown ids and cycles. */
    private static Map<String, Set<String>> managersAbove(List<PersonProfile> people) {
        Map<String, String> managerOf = new HashMap<>();
        for (PersonProfile person : people) {
            managerOf.put(person.id(), person.managerId());
        }
        Map<String, Set<String>> above = new HashMap<>();
        for (PersonProfile person : people) {
            Set<String> chain = new HashSet<>();
            String manager = person.managerId();
            while (manager != null && managerOf.containsKey(manager) && chain.add(manager)) {
                manager = managerOf.get(manager);
            }
            above.put(person.id(), chain.isEmpty() ? Set.of() : chain);
        }
        return above;
    }

    public PairingSettings settings() {
        return settings;
    }

    /**
     * Everyone the sparse rules and terms may tie to this person: the reporting chain in both directions,
     * do-not-pair and history partners. Any pair outside it is judged by the dense fields alone
     * ({@link PairValues} relies on this). Built on demand, once.
     */
    synchronized Map<String, Set<String>> relatedIds() {
        if (related == null) {
            Map<String, Set<String>> map = new HashMap<>();
            managersAbove.forEach((person, chain) -> {
                for (String manager : chain) {
                    map.computeIfAbsent(person, k -> new HashSet<>()).add(manager);
                    map.computeIfAbsent(manager, k -> new HashSet<>()).add(person);
                }
            });
            doNotPair.forEach((person, others) -> map.computeIfAbsent(person, k -> new HashSet<>()).addAll(others));
            previousPairs.forEach((mentor, mentees) -> {
                for (String mentee : mentees.keySet()) {
                    map.computeIfAbsent(mentor, k -> new HashSet<>()).add(mentee);
                    map.computeIfAbsent(mentee, k -> new HashSet<>()).add(mentor);
                }
            });
            related = map;
        }
        return related;
    }

    // ---- hard rules ----------------------------------------------------------------------------

    public boolean isSamePerson(Mentor mentor, Mentee mentee) {
        return mentor.getId().equals(mentee.getId());
    }

    /** Either is above the other: manager, manager's manager, ... */
    public boolean isInReportingChain(Mentor mentor, Mentee mentee) {
        return managersAbove.getOrDefault(mentee.getId(), Set.of()).contains(mentor.getId())
                || managersAbove.getOrDefault(mentor.getId(), Set.of()).contains(mentee.getId());
    }

    public boolean isDoNotPair(Mentor mentor, Mentee mentee) {
        return doNotPair.getOrDefault(mentor.getId(), Set.of()).contains(mentee.getId());
    }

    public boolean isLevelGapTooSmall(Mentor mentor, Mentee mentee) {
        return levelGap(mentor, mentee) < settings.minLevelGap();
    }

    public boolean hasNoSharedLanguage(Mentor mentor, Mentee mentee) {
        return !mentor.getPerson().sharesLanguageWith(mentee.getPerson());
    }

    public boolean areTimeZonesTooFarApart(Mentor mentor, Mentee mentee) {
        return offsetDifferenceMinutes(mentor, mentee) > settings.maxOffsetDiffMinutes();
    }

    public boolean isSameDepartmentWhenRequired(Mentor mentor, Mentee mentee) {
        return settings.crossDepartment() == CrossDepartment.REQUIRED && isSameDepartment(mentor, mentee);
    }

    public boolean breaks(HardRule rule, Mentor mentor, Mentee mentee) {
        return switch (rule) {
            case SAME_PERSON -> isSamePerson(mentor, mentee);
            case REPORTING_CHAIN -> isInReportingChain(mentor, mentee);
            case DO_NOT_PAIR -> isDoNotPair(mentor, mentee);
            case LEVEL_GAP_TOO_SMALL -> isLevelGapTooSmall(mentor, mentee);
            case NO_SHARED_LANGUAGE -> hasNoSharedLanguage(mentor, mentee);
            case TIME_ZONES_TOO_FAR_APART -> areTimeZonesTooFarApart(mentor, mentee);
            case SAME_DEPARTMENT -> isSameDepartmentWhenRequired(mentor, mentee);
        };
    }

    /** The first broken hard rule in check.py's order, or null when the pair is allowed. */
    public HardRule firstBrokenRule(Mentor mentor, Mentee mentee) {
        for (HardRule rule : HardRule.values()) {
            if (breaks(rule, mentor, mentee)) {
                return rule;
            }
        }
        return null;
    }

    /** No hard rule broken. Cheapest tests first (millions of calls at 10k people); order matters only for explanations. */
    public boolean isAllowed(Mentor mentor, Mentee mentee) {
        return !isLevelGapTooSmall(mentor, mentee)
                && !areTimeZonesTooFarApart(mentor, mentee)
                && !isSameDepartmentWhenRequired(mentor, mentee)
                && !hasNoSharedLanguage(mentor, mentee)
                && !isSamePerson(mentor, mentee)
                && !isDoNotPair(mentor, mentee)
                && !isInReportingChain(mentor, mentee);
    }

    // ---- soft terms: w(m, e) of MODEL.md ---------------------------------------------------------

    /** + goalSkillWeight * sum of the mentor's proficiency over the mentee's goals. */
    public long goalFitPoints(Mentor mentor, Mentee mentee) {
        long proficiency = 0;
        for (String goal : mentee.getPerson().goals()) {
            proficiency += mentor.getPerson().proficiency(goal);
        }
        return settings.goalSkillWeight() * proficiency;
    }

    /** + crossDepartmentBonus when the departments differ. */
    public long crossDepartmentPoints(Mentor mentor, Mentee mentee) {
        return isSameDepartment(mentor, mentee) ? 0 : settings.crossDepartmentBonus();
    }

    /** Penalty (positive number): offsetPenaltyPer30Min per full 30 minutes apart. */
    public long timeZoneDistancePenalty(Mentor mentor, Mentee mentee) {
        return (long) settings.offsetPenaltyPer30Min() * (offsetDifferenceMinutes(mentor, mentee) / 30);
    }

    /** Penalty (positive number) for each level of gap above the threshold (3). */
    public long largeLevelGapPenalty(Mentor mentor, Mentee mentee) {
        return (long) settings.levelGapPenaltyPerLevel()
                * Math.max(0, levelGap(mentor, mentee) - settings.levelGapPenaltyThreshold());
    }

    /** Penalty (positive number) when the pair appears in the counted history. */
    public long previousPairPenalty(Mentor mentor, Mentee mentee) {
        return isPreviousPair(mentor, mentee) ? settings.previousPairPenalty() : 0;
    }

    /** Bonus (positive number) for keeping an earlier pair together, when the programme prefers continuity. */
    public long continuityPoints(Mentor mentor, Mentee mentee) {
        return isPreviousPair(mentor, mentee) ? settings.continuityBonus() : 0;
    }

    /** Penalty (positive number) when the two marked free hours and none of them meet (MODEL.md "Availability"). */
    public long noCommonFreeHourPenalty(Mentor mentor, Mentee mentee) {
        return hasCommonFreeHour(mentor, mentee) ? 0 : settings.noCommonFreeHourPenalty();
    }

    /** w(m, e): the sum of the soft terms (the six of MODEL.md, plus continuity, 0 by default). */
    public long pairWeight(Mentor mentor, Mentee mentee) {
        return goalFitPoints(mentor, mentee) + crossDepartmentPoints(mentor, mentee)
                - timeZoneDistancePenalty(mentor, mentee) - largeLevelGapPenalty(mentor, mentee)
                - previousPairPenalty(mentor, mentee) + continuityPoints(mentor, mentee)
                - noCommonFreeHourPenalty(mentor, mentee);
    }

    // ---- waiting policy: priority grows while an eligible mentee waits -----------------------------

    /**
     * Rounds waited after one more published round: reset by a match, +1 when the mentee was eligible (had
     * at least one allowed mentor) and left unmatched, unchanged otherwise (no allowed mentor at all: more
     * priority could not help).
     */
    public static int roundsWaitedAfter(int before, boolean matched, boolean eligible) {
        if (matched) {
            return 0;
        }
        return eligible ? before + 1 : before;
    }

    /** Priority added for waiting: the increment per round waited, at most the cap; 0 when the policy is off. */
    public int waitingBonus(Mentee mentee) {
        return waitingBonus(settings, mentee.getRoundsWaited());
    }

    public static int waitingBonus(PairingSettings settings, int roundsWaited) {
        long bonus = (long) settings.waitingPriorityIncrement() * roundsWaited;
        return (int) Math.min(settings.waitingPriorityCap(), bonus);
    }

    /** The priority the objective uses: enrolled priority plus the waiting bonus. */
    public int effectivePriority(Mentee mentee) {
        return mentee.getPriority() + waitingBonus(mentee);
    }

    /** What matching this mentee at all is worth: matchedPriorityWeight * effective priority (1000 * priority). */
    public long matchedValue(Mentee mentee) {
        return (long) settings.matchedPriorityWeight() * effectivePriority(mentee);
    }

    /** The pair's term of the MODEL.md objective: 1000 * priority(e) + w(m, e). */
    public long pairValue(Mentor mentor, Mentee mentee) {
        return matchedValue(mentee) + pairWeight(mentor, mentee);
    }

    /** The size (0 or more) of one soft term; the term's constraint rewards or penalises it. */
    public long amount(SoftTerm term, Mentor mentor, Mentee mentee) {
        return switch (term) {
            case GOAL_FIT -> goalFitPoints(mentor, mentee);
            case CROSS_DEPARTMENT -> crossDepartmentPoints(mentor, mentee);
            case TIME_ZONE_DISTANCE -> timeZoneDistancePenalty(mentor, mentee);
            case LEVEL_GAP_OVER_3 -> largeLevelGapPenalty(mentor, mentee);
            case PREVIOUS_PAIR -> previousPairPenalty(mentor, mentee);
            case CONTINUED_PAIR -> continuityPoints(mentor, mentee);
            case NO_COMMON_FREE_HOUR -> noCommonFreeHourPenalty(mentor, mentee);
        };
    }

    /** One soft term in plain words, with its signed points: the explanation line and the constraint justification. */
    public Contribution contribution(SoftTerm term, Mentor mentor, Mentee mentee) {
        long points = term.signed(amount(term, mentor, mentee));
        String text = switch (term) {
            case GOAL_FIT -> goalFitText(mentor, mentee);
            case CROSS_DEPARTMENT -> points == 0 ? "same department" : "different departments";
            case TIME_ZONE_DISTANCE -> hoursAndMinutes(offsetDifferenceMinutes(mentor, mentee)) + " apart";
            case LEVEL_GAP_OVER_3 -> "level gap of " + levelGap(mentor, mentee);
            case PREVIOUS_PAIR -> points == 0 ? "not paired recently" : "paired before";
            case CONTINUED_PAIR -> "continues an earlier pair";
            case NO_COMMON_FREE_HOUR -> "no common free hour";
        };
        return new Contribution(term.constraintName(), points, text + " (" + signed(points) + ")");
    }

    /** The terms of {@link #pairValue} in plain words, with the same numbers; zero terms left out except goal fit. */
    public List<Contribution> contributions(Mentor mentor, Mentee mentee) {
        List<Contribution> terms = new ArrayList<>();
        terms.add(matchedContribution(mentee));
        if (waitingBonus(mentee) > 0) {
            terms.add(waitingContribution(mentee));
        }
        for (SoftTerm term : SoftTerm.values()) {
            Contribution contribution = contribution(term, mentor, mentee);
            if (term == SoftTerm.GOAL_FIT || contribution.points() != 0) {
                terms.add(contribution);
            }
        }
        return terms;
    }

    /** How the lines about the objective rather than the pair begin: managers read them, the pair does not. */
    public static final String PRIORITY_LINE = "matches a priority-";
    public static final String WAITED_LINE = "waited ";
    public static final String PINNED_LINE = "pinned by a manager";

    /** The enrolled priority's share of {@link #matchedValue}; the waiting bonus is its own term. */
    public Contribution matchedContribution(Mentee mentee) {
        long points = (long) settings.matchedPriorityWeight() * mentee.getPriority();
        return new Contribution("Unmatched mentee", points,
                PRIORITY_LINE + mentee.getPriority() + " mentee (" + signed(points) + ")");
    }

    /** E.g. "waited 2 rounds (+2 priority, +2000)". */
    public Contribution waitingContribution(Mentee mentee) {
        int bonus = waitingBonus(mentee);
        long points = (long) settings.matchedPriorityWeight() * bonus;
        return new Contribution("Unmatched mentee", points, waitedPhrase(mentee.getRoundsWaited(), bonus)
                + " (" + signed(points) + ")");
    }

    /** "waited 2 rounds (+2 priority)": the manager's wording, shared by pages and explanations. */
    public static String waitedPhrase(int roundsWaited, int bonus) {
        return WAITED_LINE + roundsWaited + (roundsWaited == 1 ? " round" : " rounds") + " (+" + bonus + " priority)";
    }

    private static String goalFitText(Mentor mentor, Mentee mentee) {
        Set<String> shared = new TreeSet<>();
        for (String goal : mentee.getPerson().goals()) {
            if (mentor.getPerson().proficiency(goal) > 0) {
                shared.add(goal);
            }
        }
        return shared.isEmpty()
                ? "shares none of the mentee's " + mentee.getPerson().goals().size() + " goals"
                : "shares " + shared.size() + " of the mentee's goals: " + String.join(", ", shared);
    }

    // ---- helpers -------------------------------------------------------------------------------

    public int levelGap(Mentor mentor, Mentee mentee) {
        return mentor.getPerson().level() - mentee.getPerson().level();
    }

    public int offsetDifferenceMinutes(Mentor mentor, Mentee mentee) {
        return Math.abs(mentor.getPerson().utcOffsetMinutes() - mentee.getPerson().utcOffsetMinutes());
    }

    public boolean isSameDepartment(Mentor mentor, Mentee mentee) {
        return Objects.equals(mentor.getPerson().department(), mentee.getPerson().department());
    }

    /** A person without availability is free at every hour; one with an empty list at none. */
    public boolean hasCommonFreeHour(Mentor mentor, Mentee mentee) {
        return FreeHours.shareHour(mentor.getFreeHours(), mentee.getFreeHours());
    }

    public boolean isPreviousPair(Mentor mentor, Mentee mentee) {
        Integer roundsAgo = previousPairs.getOrDefault(mentor.getId(), Map.of()).get(mentee.getId());
        return roundsAgo != null && roundsAgo <= settings.previousPairMaxRoundsAgo();
    }

    static String signed(long points) {
        return points > 0 ? "+" + points : Long.toString(points);
    }

    @Override
    public String toString() {
        return "PairRules" + settings;
    }

    static String hoursAndMinutes(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
