package io.bridgeway.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded action. The actor is kept as an email, not a foreign key, so the log outlives the
 * account that acted.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntity {

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_email", nullable = false, length = 254)
    public String actor;

    @Column(name = "action_name", nullable = false, length = 64)
    public String action;

    @Column(name = "subject_type", nullable = false, length = 32)
    public String subjectType;

    @Column(name = "subject_id")
    public Long subjectId;

    @Column(name = "program_id")
    public Long programId;

    @Column(length = 2000)
    public String details;
}
