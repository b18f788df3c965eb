package io.bridgeway.programs;

import io.bridgeway.people.Person;
import io.bridgeway.data.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/**
 * A mentoring programme: what it matches, when people can enrol, and the rules and weights its
 * matching rounds use. The weight defaults equal the canonical model (MODEL.md).
 */
@Entity
public class Program extends TrackedEntity {

    @Column(nullable = false, length = 120)
    public String name;

    @Column(length = 2000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "program_type", nullable = false, length = 16)
    public ProgramType type = ProgramType.MENTORING;

    @Column(name = "enrollment_opens", nullable = false)
    public LocalDate enrollmentOpens;

    @Column(name = "enrollment_closes", nullable = false)
    public LocalDate enrollmentCloses;

    // circles
    @Column(name = "circle_rounds", nullable = false)
    public int circleRounds = 3;
    @Column(name = "circle_cadence_weeks", nullable = false)
    public int circleCadenceWeeks = 4;
    @Column(name = "circle_start_date")
    public LocalDate circleStartDate;
    @Column(name = "group_min", nullable = false)
    public int groupMin = 4;
    @Column(name = "group_max", nullable = false)
    public int groupMax = 5;

    // hard rules
    @Column(name = "min_level_gap", nullable = false)
    public int minLevelGap = 1;
    @Column(name = "cross_department_required", nullable = false)
    public boolean crossDepartmentRequired;
    @Column(name = "max_offset_diff_minutes", nullable = false)
    public int maxOffsetDiffMinutes = 1440;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_partners", nullable = false, length = 24)
    public PreviousPartners previousPartners = PreviousPartners.AVOID;
    @Column(name = "avoid_rounds", nullable = false)
    public int avoidRounds = 10;

    // soft weights
    @Column(name = "weight_goal_skill", nullable = false)
    public int weightGoalSkill = 10;
    @Column(name = "weight_cross_department", nullable = false)
    public int weightCrossDepartment = 15;
    @Column(name = "weight_offset_per_30_min", nullable = false)
    public int weightOffsetPer30Min = 1;
    @Column(name = "weight_level_gap_per_level", nullable = false)
    public int weightLevelGapPerLevel = 5;
    @Column(name = "weight_previous_pair", nullable = false)
    public int weightPreviousPair = 40;
    @Column(name = "weight_same_department", nullable = false)
    public int weightSameDepartment = 10;
    @Column(name = "weight_timezone_spread", nullable = false)
    public int weightTimezoneSpread = 3;
    @Column(name = "weight_group_without_senior", nullable = false)
    public int weightGroupWithoutSenior = 20;
    @Column(name = "senior_level", nullable = false)
    public int seniorLevel = 5;

    // waiting policy: a mentee left unmatched gains priority each round (defaults: on, +1 a round, at most +3)
    @Column(name = "waiting_policy", nullable = false)
    public boolean waitingPolicy = true;
    @Column(name = "waiting_increment", nullable = false)
    public int waitingIncrement = 1;
    @Column(name = "waiting_cap", nullable = false)
    public int waitingCap = 3;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public Person createdBy;


    public boolean enrollmentOpenOn(LocalDate day) {
        return !day.isBefore(enrollmentOpens) && !day.isAfter(enrollmentCloses);
    }
}
