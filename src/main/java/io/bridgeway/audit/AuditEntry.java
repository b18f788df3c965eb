package io.bridgeway.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded change. The actor is kept as an id (nulled when the account is deleted) and as email
 * text, so the log still says who acted after the person is gone. Written only through {@link AuditLog}.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntity {

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_id")
    public Long actorId;

    @Column(name = "actor_email", nullable = false, length = 254)
    public String actorEmail;

    @Column(name = "action_name", nullable = false, length = 64)
    public String action;

    @Column(name = "subject_type", length = 32)
    public String subjectType;

    @Column(name = "subject_id")
    public Long subjectId;

    @Column(name = "program_id")
    public Long programId;

    @Column(length = 2000)
    public String details;
}
