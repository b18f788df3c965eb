package io.bridgeway.rounds;

import io.bridgeway.people.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A mentee the round leaves without a mentor, and why. */
@Entity
@Table(name = "round_unmatched")
public class RoundUnmatched extends PanacheEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    public MatchingRound round;

    /** Null once the mentee's account is deleted. */
    @ManyToOne
    @JoinColumn(name = "mentee_id")
    public Person mentee;

    @Column(nullable = false, length = 1000)
    public String reason;

    /** What would help, for managers; null when unknown (e.g. unpaired by hand). */
    @Column(length = 1000)
    public String help;
}
