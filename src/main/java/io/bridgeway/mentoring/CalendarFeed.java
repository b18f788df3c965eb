package io.bridgeway.mentoring;

import io.bridgeway.people.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;

/** A person's calendar subscription link: the SHA-256 of its secret token, never the token. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntity {

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Deletes these people's links, so a link never outlives the access it came with: on deactivation (by an admin
     * or an HR import), a password reset, or the owner turning it off. A reactivated person makes a new one.
     */
    public static long deleteOf(Collection<Long> personIds) {
        return personIds.isEmpty() ? 0 : delete("person.id in ?1", personIds);
    }
}
