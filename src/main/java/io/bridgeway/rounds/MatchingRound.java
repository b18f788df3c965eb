package io.bridgeway.rounds;

import io.bridgeway.programs.Program;
import io.bridgeway.data.TrackedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** One matching round of a programme: a snapshot of its participants and the draft or published result. */
@Entity
@Table(name = "matching_round")
public class MatchingRound extends TrackedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "program_id")
    public Program program;

    @Column(name = "round_number", nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RoundStatus status = RoundStatus.DRAFT;

    @Enumerated(EnumType.STRING)
    @Column(name = "solve_state", nullable = false, length = 16)
    public SolveState solveState = SolveState.SOLVING;

    @Column(name = "solve_started_at")
    public Instant solveStartedAt;

    @Column(name = "solve_ended_at")
    public Instant solveEndedAt;

    @Column(name = "solve_message", length = 1000)
    public String solveMessage;

    @Column(length = 120)
    public String score;

    /** The canonical pairing objective of the current pairs (MODEL.md). */
    public Long objective;

    @Column(name = "circle_repeats")
    public Integer circleRepeats;

    @Column(name = "circle_soft")
    public Long circleSoft;

    @Column(name = "matched_count", nullable = false)
    public int matchedCount;

    @Column(name = "mentee_count", nullable = false)
    public int menteeCount;

    @Column(name = "circle_member_count", nullable = false)
    public int circleMemberCount;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Email of whoever changed the round last, for the "changed by X" conflict message. */
    @Column(name = "last_changed_by", length = 254)
    public String lastChangedBy;

    @ElementCollection
    @CollectionTable(name = "round_excluded_pair", joinColumns = @JoinColumn(name = "round_id"))
    public Set<ExcludedPair> excludedPairs = new HashSet<>();

    /** A pair a manager split up, which later solves of this round must not make again. */
    @Embeddable
    public record ExcludedPair(@Column(name = "mentor_id") Long mentorId, @Column(name = "mentee_id") Long menteeId) {
    }

    public boolean draft() {
        return status == RoundStatus.DRAFT;
    }

    /** A draft whose last solve completed or was stopped; failed or interrupted results are never published. */
    public boolean publishable() {
        return status == RoundStatus.DRAFT && solveState.publishable();
    }

    public boolean editable() {
        return status == RoundStatus.DRAFT && !solveState.running();
    }
}
