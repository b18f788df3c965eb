package io.bridgeway.notifications;

import io.bridgeway.audit.AdminAuditResource;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.bridgeway.security.Role;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.Paged;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * Admins' view of mail not yet delivered: failed messages first, each with a Retry button, then pending
 * ones (no button: one may be in a sender's hands). Shows who and what about, never the body.
 */
@Path("/admin/outbox")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminOutboxResource {

    /** Read model of one undelivered message, without its body. */
    public record Row(long id, String status, String kind, Long roundId, String recipient, String subject,
            int attempts, String lastError, String createdAt, String nextAttemptAt) {
        static Row of(OutboxMessage m) {
            return new Row(m.id, m.status.name(), m.kind, m.roundId, m.recipient, m.subject, m.attempts,
                    m.lastError, time(m.createdAt), m.status == Status.PENDING ? time(m.nextAttemptAt) : null);
        }

        /** Only failed mail gets a Retry button: a pending message may be being sent (see {@link Outbox#retry}). */
        public boolean retriable() {
            return Status.FAILED.name().equals(status);
        }
    }

    public record Listing(long failed, long pending, long sent, Paged<Row> messages) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance outbox(Listing listing);
    }

    @Inject
    Outbox outbox;

    @GET
    @Transactional
    public TemplateInstance list(@QueryParam("page") @DefaultValue("0") String page) {
        Long requested = FormFields.parseLong(page);
        // FAILED sorts before PENDING alphabetically: what needs an admin comes first.
        Sort order = Sort.by("status").and("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
        Paged<Row> rows = Paged.of(OutboxMessage.<OutboxMessage>find("status <> ?1", order, Status.SENT),
                requested == null ? 0 : (int) Math.max(0, Math.min(requested, Integer.MAX_VALUE)), Row::of);
        return Templates.outbox(new Listing(OutboxMessage.count("status", Status.FAILED),
                OutboxMessage.count("status", Status.PENDING), OutboxMessage.count("status", Status.SENT), rows));
    }

    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") long id) {
        return Flash.redirect("/admin/outbox", switch (outbox.retry(id)) {
            case QUEUED -> "Message " + id + " is queued again and goes out with the next run of the sender.";
            case ALREADY_SENT -> "Message " + id + " was already sent; nothing to retry.";
            case NOT_FAILED -> "Message " + id + " has not failed: it is being sent or waits for its next attempt, "
                    + "and goes out by itself. Only failed messages can be retried; nothing changed.";
            case NOT_FOUND -> "Message " + id + " no longer exists; nothing to retry.";
        });
    }

    @POST
    @Path("retry-failed")
    public Response retryAllFailed() {
        int count = outbox.retryAllFailed();
        return Flash.redirect("/admin/outbox", count == 0 ? "There were no failed messages to retry."
                : count + " failed " + (count == 1 ? "message is" : "messages are") + " queued again.");
    }

    private static String time(Instant instant) {
        return instant == null ? null : AdminAuditResource.TIME.format(instant);
    }
}
