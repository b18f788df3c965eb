package io.bridgeway.audit;

import io.bridgeway.people.PersonDeleted;
import io.bridgeway.security.PersonIdentityProviders;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Records audit entries. Joins the caller's transaction (MANDATORY): an entry is written exactly when
 * the audited change commits, and a rollback leaves no trace. Calling it outside a transaction is a bug
 * and fails with TransactionRequiredException.
 */
@ApplicationScoped
public class AuditLog {

    /** Actor email for changes made with no signed-in person (start-up, background jobs). */
    public static final String SYSTEM = "system";

    static final int MAX_DETAILS = 2000;

    @Inject
    CurrentIdentityAssociation identities;

    /** Records {@code action} by whoever is signed in for the current request, or "system". */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectType, Long subjectId, Long programId, String details) {
        SecurityIdentity identity = currentIdentity();
        if (identity == null || identity.isAnonymous()) {
            recordAs(null, SYSTEM, action, subjectType, subjectId, programId, details);
        } else {
            Object personId = identity.getAttribute(PersonIdentityProviders.PERSON_ID);
            recordAs(personId instanceof Long id ? id : null, identity.getPrincipal().getName(), action, subjectType,
                    subjectId, programId, details);
        }
    }

    /** Records {@code action} by an explicit actor, for background jobs; null email means "system". */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(Long actorId, String actorEmail, String action, String subjectType, Long subjectId,
            Long programId, String details) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("audit action is required");
        }
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now();
        entry.actorId = actorId;
        entry.actorEmail = actorEmail == null || actorEmail.isBlank() ? SYSTEM : truncate(actorEmail, 254);
        entry.action = truncate(action.strip(), 64);
        entry.subjectType = subjectType == null ? null : truncate(subjectType, 32);
        entry.subjectId = subjectId;
        entry.programId = programId;
        entry.details = details == null ? null : truncate(details, MAX_DETAILS);
        entry.persist();
    }

    /**
     * A deleted person stays accountable but anonymous: every entry they made, or that names their
     * email, shows the same pseudonym instead. Runs inside the deleting transaction.
     */
    void pseudonymise(@Observes PersonDeleted deleted) {
        AuditEntry.update("actorEmail = ?1 where actorId = ?2 or actorEmail = ?3", deleted.pseudonym(),
                deleted.personId(), deleted.email());
        // the like only narrows the rows: the exact address is matched in Java, not inside other people's
        for (AuditEntry entry : AuditEntry.<AuditEntry>list("details like ?1", "%" + deleted.email() + "%")) {
            entry.details = deleted.withoutEmail(entry.details);
        }
        recordAs(null, deleted.pseudonym(), "ACCOUNT_DELETED", "PERSON", null, null, null);
    }

    /** The request's identity, or null when there is no request (start-up, scheduler, worker thread). */
    private SecurityIdentity currentIdentity() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return identities.getIdentity();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
