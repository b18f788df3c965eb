package io.bridgeway.security;

import io.bridgeway.people.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A single-use password-reset link. Only the token's SHA-256 is stored, never the token itself. */
@Entity
@Table(name = "password_reset")
public class PasswordReset extends PanacheEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static PasswordReset findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now) && person.active;
    }
}
