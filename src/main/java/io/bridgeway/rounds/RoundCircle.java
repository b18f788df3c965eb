package io.bridgeway.rounds;

import io.bridgeway.people.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/**
 * One peer circle in one of the programme's circle meetings (meeting index 0 = the first), with its
 * weekly meeting hour in UTC and the plain-words explanation.
 */
@Entity
@Table(name = "round_circle")
public class RoundCircle extends PanacheEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    public MatchingRound round;

    @Column(name = "meeting_index", nullable = false)
    public int meetingIndex;

    @Column(name = "circle_number", nullable = false)
    public int circleNumber;

    /** Minute of the week in UTC (0 = Monday 00:00 UTC); null when no hour suits anyone. */
    @Column(name = "meeting_minute")
    public Integer meetingMinute;

    /** The same hour for people, e.g. "TUE-15:00 UTC". */
    @Column(name = "meeting_utc_start", length = 16)
    public String meetingUtcStart;

    /** When this circle meets; set when the round is published. */
    @Column(name = "meeting_at")
    public java.time.Instant meetingAt;

    /** Who cannot make the chosen hour, when nobody's hours fit everyone. */
    @Column(name = "meeting_note", length = 1000)
    public String meetingNote;

    @Column(length = 2000)
    public String explanation;

    /** Lazy, loaded in batches, their people too (see {@link Person}); {@link #of} fetches them with the circles. */
    @ElementCollection
    @BatchSize(size = 64)
    @CollectionTable(name = "round_circle_member", joinColumns = @JoinColumn(name = "circle_id"))
    public List<Member> members = new ArrayList<>();

    /** A member's place; the person is null once their account is deleted (a former employee). */
    @Embeddable
    public static class Member {

        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "person_id")
        public Person person;

        @Column(name = "pinned", nullable = false)
        public boolean pinned;

        protected Member() {
        }

        public Member(Person person, boolean pinned) {
            this.person = person;
            this.pinned = pinned;
        }

        /** The person's id (no load: a proxy knows it), or null for a former employee. */
        public Long personId() {
            return person == null ? null : person.id;
        }

        public boolean is(long personId) {
            return person != null && person.id == personId;
        }
    }

    public List<String> explanationLines() {
        return explanation == null || explanation.isEmpty() ? List.of() : Arrays.asList(explanation.split(RoundPair.SEPARATOR));
    }

    public static List<RoundCircle> of(MatchingRound round) {
        // One query with the members: batch loading alone misses collections of circles flushed in this transaction.
        return list("select distinct c from RoundCircle c left join fetch c.members where c.round = ?1"
                + " order by c.meetingIndex, c.circleNumber", round);
    }
}
