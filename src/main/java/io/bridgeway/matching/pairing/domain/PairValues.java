package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.PersonProfile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link PairRules#isAllowed} and {@link PairRules#pairValue} for every mentor x mentee, compiled into
 * primitive arrays so that a scan of all pairs (hundreds of millions at 50,000 people) stays cheap. The few
 * pairs a sparse rule or term may touch (reporting chain, do-not-pair, history, same person) are passed to
 * {@code PairRules} itself, so both always agree (tested pair by pair in {@code PairValuesTest}).
 */
public final class PairValues {

    /** What {@link #value} returns for a pair a hard rule forbids. */
    public static final long FORBIDDEN = Long.MIN_VALUE;
    /** Dense goal proficiencies only while they stay small; above, goal fit is asked from the rules. */
    private static final long MAX_GOAL_CELLS = 20_000_000L;

    private final PairRules rules;
    private final PairingSettings settings;
    private final List<Mentor> mentors;
    private final List<Mentee> mentees;
    private final int[] mentorLevel;
    private final int[] mentorOffset;
    private final int[] mentorDepartment;
    private final long[] mentorLanguages;
    private final int[] menteeLevel;
    private final int[] menteeOffset;
    private final int[] menteeDepartment;
    private final long[] menteeLanguages;
    private final long[] menteeMatchedValue;
    /** Sorted mentor indexes per mentee that a sparse rule or term may concern. */
    private final int[][] related;
    /** Goal ids per mentee and the mentor's proficiency per goal id (mentor * goalCount + goal); null = too big. */
    private final int[][] menteeGoals;
    private final int[] proficiency;
    private final int goalCount;
    private final boolean languagesAsMasks;
    private final boolean requireCrossDepartment;

    public PairValues(PairRules rules, List<Mentor> mentors, List<Mentee> mentees) {
        this.rules = rules;
        this.settings = rules.settings();
        this.mentors = mentors;
        this.mentees = mentees;
        this.requireCrossDepartment = settings.crossDepartment() == CrossDepartment.REQUIRED;
        int m = mentors.size();
        int e = mentees.size();
        Map<String, Integer> departments = new HashMap<>(); // null department is a value of its own, as in Objects.equals
        Map<String, Integer> languages = new HashMap<>();
        for (Mentor mentor : mentors) {
            mentor.getPerson().languages().forEach(l -> languages.putIfAbsent(l, languages.size()));
        }
        for (Mentee mentee : mentees) {
            mentee.getPerson().languages().forEach(l -> languages.putIfAbsent(l, languages.size()));
        }
        languagesAsMasks = languages.size() <= Long.SIZE;
        mentorLevel = new int[m];
        mentorOffset = new int[m];
        mentorDepartment = new int[m];
        mentorLanguages = new long[m];
        for (Mentor mentor : mentors) {
            PersonProfile p = mentor.getPerson();
            int i = mentor.getIndex();
            mentorLevel[i] = p.level();
            mentorOffset[i] = p.utcOffsetMinutes();
            mentorDepartment[i] = departments.computeIfAbsent(p.department(), k -> departments.size());
            mentorLanguages[i] = languagesAsMasks ? mask(p.languages(), languages) : 0;
        }
        menteeLevel = new int[e];
        menteeOffset = new int[e];
        menteeDepartment = new int[e];
        menteeLanguages = new long[e];
        menteeMatchedValue = new long[e];
        menteeGoals = new int[e][];
        Map<String, Integer> goals = new HashMap<>();
        for (Mentee mentee : mentees) {
            PersonProfile p = mentee.getPerson();
            int j = mentee.getIndex();
            menteeLevel[j] = p.level();
            menteeOffset[j] = p.utcOffsetMinutes();
            menteeDepartment[j] = departments.computeIfAbsent(p.department(), k -> departments.size());
            menteeLanguages[j] = languagesAsMasks ? mask(p.languages(), languages) : 0;
            menteeMatchedValue[j] = rules.matchedValue(mentee);
            menteeGoals[j] = p.goals().stream().mapToInt(g -> goals.computeIfAbsent(g, k -> goals.size())).toArray();
        }
        goalCount = goals.size();
        if ((long) m * goalCount <= MAX_GOAL_CELLS) {
            proficiency = new int[m * goalCount];
            for (Mentor mentor : mentors) {
                int base = mentor.getIndex() * goalCount;
                goals.forEach((goal, id) -> proficiency[base + id] = mentor.getPerson().proficiency(goal));
            }
        } else {
            proficiency = null;
        }
        related = relatedMentors(rules, mentors, mentees);
    }

    private static long mask(Set<String> personLanguages, Map<String, Integer> ids) {
        long mask = 0;
        for (String language : personLanguages) {
            mask |= 1L << ids.get(language);
        }
        return mask;
    }

    private static int[][] relatedMentors(PairRules rules, List<Mentor> mentors, List<Mentee> mentees) {
        Map<String, Integer> mentorIndex = new HashMap<>();
        for (Mentor mentor : mentors) {
            mentorIndex.put(mentor.getId(), mentor.getIndex());
        }
        Map<String, Set<String>> relatedIds = rules.relatedIds();
        int[][] result = new int[mentees.size()][];
        for (Mentee mentee : mentees) {
            Set<String> ids = relatedIds.getOrDefault(mentee.getId(), Set.of());
            int[] list = new int[ids.size() + 1];
            int n = 0;
            Integer self = mentorIndex.get(mentee.getId());
            if (self != null) {
                list[n++] = self;
            }
            for (String id : ids) {
                Integer index = mentorIndex.get(id);
                if (index != null) {
                    list[n++] = index;
                }
            }
            int[] sorted = Arrays.copyOf(list, n);
            Arrays.sort(sorted);
            result[mentee.getIndex()] = sorted;
        }
        return result;
    }

    public int mentorCount() {
        return mentors.size();
    }

    public long value(Mentor mentor, Mentee mentee) {
        return value(mentor.getIndex(), mentee.getIndex());
    }

    /** {@link PairRules#pairValue} when {@link PairRules#isAllowed}, else {@link #FORBIDDEN}. */
    public long value(int mentor, int mentee) {
        int gap = mentorLevel[mentor] - menteeLevel[mentee];
        if (gap < settings.minLevelGap()) {
            return FORBIDDEN;
        }
        int offsetDiff = Math.abs(mentorOffset[mentor] - menteeOffset[mentee]);
        if (offsetDiff > settings.maxOffsetDiffMinutes()) {
            return FORBIDDEN;
        }
        boolean sameDepartment = mentorDepartment[mentor] == menteeDepartment[mentee];
        if (requireCrossDepartment && sameDepartment) {
            return FORBIDDEN;
        }
        if (languagesAsMasks ? (mentorLanguages[mentor] & menteeLanguages[mentee]) == 0
                : !mentors.get(mentor).getPerson().sharesLanguageWith(mentees.get(mentee).getPerson())) {
            return FORBIDDEN;
        }
        int[] special = related[mentee];
        if (special.length > 0 && Arrays.binarySearch(special, mentor) >= 0) {
            Mentor m = mentors.get(mentor);
            Mentee e = mentees.get(mentee);
            return rules.isAllowed(m, e) ? rules.pairValue(m, e) : FORBIDDEN;
        }
        long goalFit;
        if (proficiency != null) {
            int sum = 0;
            int base = mentor * goalCount;
            for (int goal : menteeGoals[mentee]) {
                sum += proficiency[base + goal];
            }
            goalFit = (long) settings.goalSkillWeight() * sum;
        } else {
            goalFit = rules.goalFitPoints(mentors.get(mentor), mentees.get(mentee));
        }
        long value = menteeMatchedValue[mentee] + goalFit
                + (sameDepartment ? 0 : settings.crossDepartmentBonus())
                - (long) settings.offsetPenaltyPer30Min() * (offsetDiff / 30)
                - (long) settings.levelGapPenaltyPerLevel() * Math.max(0, gap - settings.levelGapPenaltyThreshold());
        if (settings.noCommonFreeHourPenalty() != 0
                && !FreeHours.shareHour(mentors.get(mentor).getFreeHours(), mentees.get(mentee).getFreeHours())) {
            value -= settings.noCommonFreeHourPenalty();
        }
        return value;
    }

    public HardRule firstBrokenRule(Mentor mentor, Mentee mentee) {
        return firstBrokenRule(mentor.getIndex(), mentee.getIndex());
    }

    /** {@link PairRules#firstBrokenRule}: the first broken hard rule in check.py's order, or null. */
    public HardRule firstBrokenRule(int mentor, int mentee) {
        int[] special = related[mentee];
        if (special.length > 0 && Arrays.binarySearch(special, mentor) >= 0) {
            return rules.firstBrokenRule(mentors.get(mentor), mentees.get(mentee));
        }
        // Not related: same person, reporting chain and do-not-pair cannot apply.
        if (mentorLevel[mentor] - menteeLevel[mentee] < settings.minLevelGap()) {
            return HardRule.LEVEL_GAP_TOO_SMALL;
        }
        if (languagesAsMasks ? (mentorLanguages[mentor] & menteeLanguages[mentee]) == 0
                : !mentors.get(mentor).getPerson().sharesLanguageWith(mentees.get(mentee).getPerson())) {
            return HardRule.NO_SHARED_LANGUAGE;
        }
        if (Math.abs(mentorOffset[mentor] - menteeOffset[mentee]) > settings.maxOffsetDiffMinutes()) {
            return HardRule.TIME_ZONES_TOO_FAR_APART;
        }
        if (requireCrossDepartment && mentorDepartment[mentor] == menteeDepartment[mentee]) {
            return HardRule.SAME_DEPARTMENT;
        }
        return null;
    }
}
