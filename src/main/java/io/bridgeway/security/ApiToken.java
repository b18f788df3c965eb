package io.bridgeway.security;

import io.bridgeway.people.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token: the SHA-256 of its secret, never the secret (shown once, when it was made). */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "token_name", nullable = false, length = ApiTokens.MAX_NAME_LENGTH)
    public String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The first instant the token no longer works; null when it never expires. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Updated at most once per {@link ApiTokens#LAST_USED_PRECISION}, so a busy script causes few writes. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
