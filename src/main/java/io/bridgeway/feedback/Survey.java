package io.bridgeway.feedback;

import io.bridgeway.people.Person;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.RoundCircle;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One person's feedback on one pair (halfway through the round) or one circle meeting (after it). Pending until
 * answered; due from {@link #dueAt}. The answers are confidential: only the person who gives them sees them.
 */
@Entity
@Table(name = "survey")
public class Survey extends PanacheEntity {

    public static final int MAX_COMMENT = 2000;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    public MatchingRound round;

    /** Who answers. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    public Person person;

    /** The pair partner the survey is about, or null for a circle meeting. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_id")
    public Person partner;

    /** The circle meeting the survey is about, or null for a pair. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "circle_id")
    public RoundCircle circle;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    public Boolean met;

    public Integer rating;

    @Column(name = "answer_comment", length = MAX_COMMENT)
    public String comment;

    @Column(name = "would_continue")
    public Boolean wouldContinue;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** When the one reminder was queued; never again after it is set. */
    @Column(name = "reminded_at")
    public Instant remindedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public boolean answered() {
        return answeredAt != null;
    }
}
