package io.bridgeway.rounds;

import io.bridgeway.people.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;

/**
 * A circle member one meeting of the round leaves out: no circle could seat them without breaking a kept-apart
 * rule ({@link CircleLeaveOuts}). The reason is never stored nor shown beyond {@link CircleLeaveOuts#REASON}.
 */
@Entity
@Table(name = "round_not_seated")
public class RoundNotSeated extends PanacheEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    public MatchingRound round;

    /** The circle meeting, from 0. */
    @Column(name = "meeting_index", nullable = false)
    public int meetingIndex;

    /** Null once the person's account is deleted (a former employee). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    public Person person;

    /** The round's people left out, by meeting, then name. */
    public static List<RoundNotSeated> of(MatchingRound round) {
        return list("select n from RoundNotSeated n left join fetch n.person p where n.round = ?1"
                + " order by n.meetingIndex, p.fullName, n.id", round);
    }
}
