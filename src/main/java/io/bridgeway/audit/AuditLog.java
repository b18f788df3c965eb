package io.bridgeway.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Records actions in the caller's transaction, so an entry exists exactly when the change commits.
 * The actor is the signed-in person, or "system" for background work.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM = "system";

    @Inject
    Instance<SecurityIdentity> identity;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectType, Long subjectId, Long programId, String details) {
        record(currentActor(), action, subjectType, subjectId, programId, details);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subjectType, Long subjectId, Long programId, String details) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now();
        entry.actor = actor == null ? SYSTEM : actor;
        entry.action = action;
        entry.subjectType = subjectType;
        entry.subjectId = subjectId;
        entry.programId = programId;
        entry.details = details == null || details.length() <= 2000 ? details : details.substring(0, 1999) + "…";
        entry.persist();
    }

    private String currentActor() {
        try {
            SecurityIdentity id = identity.get();
            return id.isAnonymous() ? SYSTEM : id.getPrincipal().getName();
        } catch (RuntimeException noRequest) {
            return SYSTEM; // solver threads and start-up have no request
        }
    }
}
