package io.bridgeway.programs;

import io.bridgeway.people.Person;
import io.bridgeway.data.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/**
 * A mentoring programme: what it matches, when people can enrol, and the rules and weights its
 * matching rounds use. The rules and weights live in {@link PairingRules} and {@link CircleRules} (defaults =
 * the canonical model, MODEL.md); {@link ProgramSettings} lists how each is edited, checked and sent as JSON.
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

    // when circles meet and how large they are (the circles problem; the weights are in CircleRules)
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

    /** How long a 1:1 round runs; its feedback survey is due halfway. */
    @Column(name = "round_length_weeks", nullable = false)
    public int roundLengthWeeks = 12;

    /** 1:1 pairing rules and weights (columns of this row). */
    @Embedded
    public PairingRules pairing = new PairingRules();

    /** Peer-circle weights (columns of this row). */
    @Embedded
    public CircleRules circles = new CircleRules();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public Person createdBy;


    public boolean enrollmentOpenOn(LocalDate day) {
        return !day.isBefore(enrollmentOpens) && !day.isAfter(enrollmentCloses);
    }
}
