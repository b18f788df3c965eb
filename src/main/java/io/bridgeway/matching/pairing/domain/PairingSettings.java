package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.InvalidInstanceException;

/**
 * The pairing rules and weights as data. {@link #defaults()} is exactly the canonical model
 * (shared/bench/MODEL.md, problem 1); program managers may change any value later.
 *
 * @param minLevelGap               hard: mentor level minus mentee level must be at least this
 * @param crossDepartment           hard when REQUIRED: mentor and mentee in different departments
 * @param maxOffsetDiffMinutes      hard: largest allowed UTC offset difference
 * @param goalSkillWeight           soft: points per proficiency level the mentor has in a goal of the mentee
 * @param crossDepartmentBonus      soft: points when the departments differ
 * @param offsetPenaltyPer30Min     soft: penalty per full 30 minutes of offset difference
 * @param levelGapPenaltyThreshold  soft: level gaps above this are penalised ...
 * @param levelGapPenaltyPerLevel   ... by this much per level above the threshold
 * @param previousPairPenalty       soft: penalty when the pair appears in the history
 * @param previousPairMaxRoundsAgo  only history entries at most this many rounds ago count (room for "avoid for N rounds")
 * @param matchedPriorityWeight     points per priority unit of a matched mentee (unmatched mentees lose them)
 * @param continuityBonus           soft: points when the pair appears in the counted history ("prefer continuity"; 0 in MODEL.md)
 * @param waitingPriorityIncrement  waiting policy: priority added per round a mentee waited (0 = policy off)
 * @param waitingPriorityCap        waiting policy: the most priority waiting can add
 * @param noCommonFreeHourPenalty   soft: penalty when mentor and mentee share no free hour of the week
 */
public record PairingSettings(
        int minLevelGap,
        CrossDepartment crossDepartment,
        int maxOffsetDiffMinutes,
        int goalSkillWeight,
        int crossDepartmentBonus,
        int offsetPenaltyPer30Min,
        int levelGapPenaltyThreshold,
        int levelGapPenaltyPerLevel,
        int previousPairPenalty,
        int previousPairMaxRoundsAgo,
        int matchedPriorityWeight,
        int continuityBonus,
        int waitingPriorityIncrement,
        int waitingPriorityCap,
        int noCommonFreeHourPenalty) {

    /** Waiting policy defaults: +1 priority per round waited, at most +3. No effect without waiting history. */
    public static final int DEFAULT_WAITING_INCREMENT = 1;
    public static final int DEFAULT_WAITING_CAP = 3;
    /** MODEL.md "Availability": a pair with no common free hour loses 20. */
    public static final int DEFAULT_NO_COMMON_FREE_HOUR_PENALTY = 20;

    /** The settings with the default waiting policy and availability penalty. */
    public PairingSettings(int minLevelGap, CrossDepartment crossDepartment, int maxOffsetDiffMinutes,
            int goalSkillWeight, int crossDepartmentBonus, int offsetPenaltyPer30Min, int levelGapPenaltyThreshold,
            int levelGapPenaltyPerLevel, int previousPairPenalty, int previousPairMaxRoundsAgo,
            int matchedPriorityWeight, int continuityBonus) {
        this(minLevelGap, crossDepartment, maxOffsetDiffMinutes, goalSkillWeight, crossDepartmentBonus,
                offsetPenaltyPer30Min, levelGapPenaltyThreshold, levelGapPenaltyPerLevel, previousPairPenalty,
                previousPairMaxRoundsAgo, matchedPriorityWeight, continuityBonus, DEFAULT_WAITING_INCREMENT,
                DEFAULT_WAITING_CAP, DEFAULT_NO_COMMON_FREE_HOUR_PENALTY);
    }

    public PairingSettings {
        if (crossDepartment == null) {
            throw new InvalidInstanceException("rules.crossDepartment is missing");
        }
        if (maxOffsetDiffMinutes < 0) {
            throw new InvalidInstanceException("rules.maxOffsetDiffMinutes must be 0 or more, not " + maxOffsetDiffMinutes);
        }
        requireNonNegative("goalSkillWeight", goalSkillWeight);
        requireNonNegative("crossDepartmentBonus", crossDepartmentBonus);
        requireNonNegative("offsetPenaltyPer30Min", offsetPenaltyPer30Min);
        requireNonNegative("levelGapPenaltyThreshold", levelGapPenaltyThreshold);
        requireNonNegative("levelGapPenaltyPerLevel", levelGapPenaltyPerLevel);
        // Negative would mean "prefer continuity"; that needs its own reward constraint, not a negative penalty.
        requireNonNegative("previousPairPenalty", previousPairPenalty);
        requireNonNegative("previousPairMaxRoundsAgo", previousPairMaxRoundsAgo);
        requireNonNegative("matchedPriorityWeight", matchedPriorityWeight);
        requireNonNegative("continuityBonus", continuityBonus);
        requireNonNegative("waitingPriorityIncrement", waitingPriorityIncrement);
        requireNonNegative("waitingPriorityCap", waitingPriorityCap);
        requireNonNegative("noCommonFreeHourPenalty", noCommonFreeHourPenalty);
    }

    /** The canonical model: MODEL.md rule defaults and weights. */
    public static PairingSettings defaults() {
        return new PairingSettings(1, CrossDepartment.PREFERRED, 1440, 10, 15, 1, 3, 5, 40, Integer.MAX_VALUE, 1000, 0);
    }

    /** These weights with the three instance rules replaced. */
    public PairingSettings withRules(int minLevelGap, CrossDepartment crossDepartment, int maxOffsetDiffMinutes) {
        return new PairingSettings(minLevelGap, crossDepartment, maxOffsetDiffMinutes, goalSkillWeight,
                crossDepartmentBonus, offsetPenaltyPer30Min, levelGapPenaltyThreshold, levelGapPenaltyPerLevel,
                previousPairPenalty, previousPairMaxRoundsAgo, matchedPriorityWeight, continuityBonus,
                waitingPriorityIncrement, waitingPriorityCap, noCommonFreeHourPenalty);
    }

    /** These settings with another waiting policy; increment 0 switches it off. */
    public PairingSettings withWaitingPolicy(int increment, int cap) {
        return new PairingSettings(minLevelGap, crossDepartment, maxOffsetDiffMinutes, goalSkillWeight,
                crossDepartmentBonus, offsetPenaltyPer30Min, levelGapPenaltyThreshold, levelGapPenaltyPerLevel,
                previousPairPenalty, previousPairMaxRoundsAgo, matchedPriorityWeight, continuityBonus, increment, cap,
                noCommonFreeHourPenalty);
    }

    /** These settings with another penalty for a pair that shares no free hour. */
    public PairingSettings withNoCommonFreeHourPenalty(int penalty) {
        return new PairingSettings(minLevelGap, crossDepartment, maxOffsetDiffMinutes, goalSkillWeight,
                crossDepartmentBonus, offsetPenaltyPer30Min, levelGapPenaltyThreshold, levelGapPenaltyPerLevel,
                previousPairPenalty, previousPairMaxRoundsAgo, matchedPriorityWeight, continuityBonus,
                waitingPriorityIncrement, waitingPriorityCap, penalty);
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new InvalidInstanceException("settings." + name + " must be 0 or more, not " + value);
        }
    }
}
