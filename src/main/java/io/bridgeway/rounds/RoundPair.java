package io.bridgeway.rounds;

import io.bridgeway.data.Columns;
import io.bridgeway.people.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** A mentor-mentee pair of a round, with its value and plain-words explanation. */
@Entity
@Table(name = "round_pair")
public class RoundPair extends PanacheEntity {

    static final String SEPARATOR = "\n";

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    public MatchingRound round;

    /** Null once the mentor's account is deleted: a published round keeps the pair. */
    @ManyToOne
    @JoinColumn(name = "mentor_id")
    public Person mentor;

    /** Null once the mentee's account is deleted: a published round keeps the pair. */
    @ManyToOne
    @JoinColumn(name = "mentee_id")
    public Person mentee;

    /** Kept as it is when the round is solved again. */
    @Column(nullable = false)
    public boolean pinned;

    /** Made by a manager rather than the solver. */
    @Column(nullable = false)
    public boolean forced;

    /** This pair's share of the objective: 1000 * priority + weight. */
    @Column(name = "pair_value", nullable = false)
    public long value;

    /** One contribution per line, e.g. "different departments (+15)". */
    @Column(nullable = false, length = 2000)
    public String explanation;

    public List<String> explanationLines() {
        return Arrays.asList(explanation.split(SEPARATOR));
    }

    public static String joinExplanation(List<String> lines) {
        return Columns.fit(String.join(SEPARATOR, lines), EXPLANATION_LENGTH);
    }

    /** Length of the {@code explanation} columns of {@code round_pair} and {@code round_circle} (V4). */
    static final int EXPLANATION_LENGTH = 2000;

    public static List<RoundPair> of(MatchingRound round) {
        return list("round = ?1", round);
    }
}
