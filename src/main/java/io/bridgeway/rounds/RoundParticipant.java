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
 * A participant as they were when the round started: roles and the profile facts the solver read,
 * so a round can be re-solved and reviewed consistently even if profiles change meanwhile.
 */
@Entity
@Table(name = "round_participant")
public class RoundParticipant extends PanacheEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    public MatchingRound round;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "as_mentor", nullable = false)
    public boolean asMentor;

    @Column(name = "mentor_capacity", nullable = false)
    public int mentorCapacity;

    @Column(name = "as_mentee", nullable = false)
    public boolean asMentee;

    @Column(name = "mentee_priority", nullable = false)
    public int menteePriority;

    @Column(name = "as_circle_member", nullable = false)
    public boolean asCircleMember;

    /** Published rounds in a row this mentee had waited (eligible, unmatched) when the round started. */
    @Column(name = "rounds_waited", nullable = false)
    public int roundsWaited;

    /** Whether the mentee had at least one allowed mentor in this round; null until solved. */
    @Column(name = "had_allowed_mentor")
    public Boolean hadAllowedMentor;

    /** {@link ParticipantSnapshot} as JSON. */
    @Column(name = "profile_json", nullable = false, length = 8000)
    public String profileJson;

    public static List<RoundParticipant> of(MatchingRound round) {
        return list("round = ?1", round);
    }

    /** The columns the review page reads of a participant, without the entity or its person. */
    public record Row(Long personId, boolean asMentor, boolean asMentee, boolean asCircleMember, int mentorCapacity,
            String profileJson) {
    }

    /**
     * The round's participants as {@link Row}s: one narrow query. Loading the entities (each with its person,
     * department and office) was the largest cost left on a 250-person round's review page (issue 15).
     */
    public static List<Row> rowsOf(MatchingRound round) {
        return getEntityManager().createQuery("select person.id, p.asMentor, p.asMentee, p.asCircleMember,"
                + " p.mentorCapacity, p.profileJson from RoundParticipant p left join p.person person where p.round = ?1",
                Object[].class).setParameter(1, round).getResultList().stream()
                .map(r -> new Row((Long) r[0], (Boolean) r[1], (Boolean) r[2], (Boolean) r[3], (Integer) r[4], (String) r[5]))
                .toList();
    }
}
