package io.bridgeway.people;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of a person's confidential do-not-pair list: the owner never wants to be matched with the colleague.
 * Only the owner ever sees it; the solvers see only the unordered pair ({@link DoNotPairLists#pairsAmong}).
 */
@Entity
@Table(name = "do_not_pair_entry")
public class DoNotPairEntry extends PanacheEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    public Person owner;

    @ManyToOne(optional = false)
    @JoinColumn(name = "colleague_id")
    public Person colleague;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
