package io.bridgeway.programs;

import io.bridgeway.matching.pairing.domain.CrossDepartment;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A programme's 1:1 pairing rules and weights, stored in the programme row. Defaults are the canonical model
 * ({@link PairingSettings#defaults()}); {@link #toSettings()} is the one mapping into the solver's settings.
 * How each value is edited, checked and sent as JSON is in {@link ProgramSettings}.
 */
@Embeddable
public class PairingRules {

    private static final PairingSettings CANONICAL = PairingSettings.defaults();

    // hard rules
    @Column(name = "min_level_gap", nullable = false)
    public int minLevelGap = CANONICAL.minLevelGap();
    @Column(name = "cross_department_required", nullable = false)
    public boolean crossDepartmentRequired = CANONICAL.crossDepartment() == CrossDepartment.REQUIRED;
    @Column(name = "max_offset_diff_minutes", nullable = false)
    public int maxOffsetDiffMinutes = CANONICAL.maxOffsetDiffMinutes();
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_partners", nullable = false, length = 24)
    public PreviousPartners previousPartners = PreviousPartners.AVOID;
    /** MODEL.md counts every earlier round; a programme remembers at most this many. */
    @Column(name = "avoid_rounds", nullable = false)
    public int avoidRounds = 10;

    // soft weights
    @Column(name = "weight_goal_skill", nullable = false)
    public int weightGoalSkill = CANONICAL.goalSkillWeight();
    @Column(name = "weight_cross_department", nullable = false)
    public int weightCrossDepartment = CANONICAL.crossDepartmentBonus();
    @Column(name = "weight_offset_per_30_min", nullable = false)
    public int weightOffsetPer30Min = CANONICAL.offsetPenaltyPer30Min();
    @Column(name = "weight_level_gap_per_level", nullable = false)
    public int weightLevelGapPerLevel = CANONICAL.levelGapPenaltyPerLevel();
    /** One weight, two meanings: a penalty for repeats, or with PREFER_CONTINUITY a bonus for keeping the pair. */
    @Column(name = "weight_previous_pair", nullable = false)
    public int weightPreviousPair = CANONICAL.previousPairPenalty();
    @Column(name = "weight_no_common_free_hour", nullable = false)
    public int weightNoCommonFreeHour = CANONICAL.noCommonFreeHourPenalty();

    // waiting policy: a mentee left unmatched gains priority each round
    @Column(name = "waiting_policy", nullable = false)
    public boolean waitingPolicy = true;
    @Column(name = "waiting_increment", nullable = false)
    public int waitingIncrement = PairingSettings.DEFAULT_WAITING_INCREMENT;
    @Column(name = "waiting_cap", nullable = false)
    public int waitingCap = PairingSettings.DEFAULT_WAITING_CAP;

    /** These rules as the pairing core reads them; what a programme does not set is the canonical value. */
    public PairingSettings toSettings() {
        boolean continuity = previousPartners == PreviousPartners.PREFER_CONTINUITY;
        return new PairingSettings(minLevelGap,
                crossDepartmentRequired ? CrossDepartment.REQUIRED : CrossDepartment.PREFERRED,
                maxOffsetDiffMinutes, weightGoalSkill, weightCrossDepartment, weightOffsetPer30Min,
                CANONICAL.levelGapPenaltyThreshold(), weightLevelGapPerLevel, continuity ? 0 : weightPreviousPair,
                avoidRounds, CANONICAL.matchedPriorityWeight(), continuity ? weightPreviousPair : 0,
                waitingPolicy ? waitingIncrement : 0, waitingCap, weightNoCommonFreeHour);
    }
}
