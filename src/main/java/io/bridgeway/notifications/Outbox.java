package io.bridgeway.notifications;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.bridgeway.people.PeopleDeactivated;
import io.bridgeway.people.PersonDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: a notification is a row written in the transaction that causes it, so it
 * exists exactly when that change committed, and survives a crash right after. {@link OutboxSender}
 * delivers the rows, one recipient per mail, at least once; the stable {@code Message-ID} lets a
 * duplicate be recognised.
 */
@ApplicationScoped
public class Outbox {

    public static final String ROUND_PUBLISHED = "ROUND_PUBLISHED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String API_TOKEN_CREATED = "API_TOKEN_CREATED";

    @Inject
    AuditLog audit;

    /**
     * Queues one mail to one recipient inside the caller's transaction (there must be one) and returns
     * its message id. Never fails for a bad address: that mail fails on its own when it is sent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String enqueue(MatchNotifier.Notice notice, String kind, Long roundIdOrNull) {
        OutboxMessage message = new OutboxMessage();
        message.kind = kind;
        message.roundId = roundIdOrNull;
        message.recipientPersonId = notice.toPersonId();
        message.recipient = notice.toEmail();
        message.recipientName = notice.toName();
        message.subject = notice.subject();
        message.textBody = notice.textBody();
        message.htmlBody = notice.htmlBody();
        message.ics = notice.icsOrNull();
        message.messageId = "<" + UUID.randomUUID() + "@bridgeway>";
        message.status = Status.PENDING;
        message.attempts = 0;
        message.createdAt = Instant.now();
        message.nextAttemptAt = message.createdAt;
        message.persist();
        return message.messageId;
    }

    /** What {@link #retry} did with the message. */
    public enum Retry {
        QUEUED,
        ALREADY_SENT,
        /** Pending: a sender may hold it right now, and it goes out without help anyway. */
        NOT_FAILED,
        NOT_FOUND
    }

    /**
     * Sends a failed message again now, with a fresh set of attempts. Only a FAILED one: a pending
     * message may be in a sender's SMTP call at this moment, and requeuing it would make that sender's
     * success go unrecorded, so the mail would go out twice.
     */
    @Transactional
    public Retry retry(long messageId) {
        OutboxMessage message = OutboxMessage.findById(messageId);
        if (message == null) {
            return Retry.NOT_FOUND;
        }
        if (message.status != Status.FAILED) {
            return message.status == Status.SENT ? Retry.ALREADY_SENT : Retry.NOT_FAILED;
        }
        requeue(message);
        audit.record("MAIL_RETRIED", "OUTBOX_MESSAGE", message.id, null, message.kind + " to " + message.recipient);
        return Retry.QUEUED;
    }

    /** Requeues every failed message; returns how many. */
    @Transactional
    public int retryAllFailed() {
        var failed = OutboxMessage.<OutboxMessage>list("status", Status.FAILED);
        failed.forEach(Outbox::requeue);
        if (!failed.isEmpty()) {
            audit.record("MAIL_RETRIED", "OUTBOX_MESSAGE", null, null, failed.size() + " failed messages");
        }
        return failed.size();
    }

    /** What stays of a deleted person's sent mail: that it was sent, and when. */
    static final String REMOVED = "(Sent to an account that was deleted since; the mail is not kept.)";

    /**
     * A deleted person gets no more mail, and keeps none here: unsent mail to them is cancelled, and their sent
     * mail keeps only its kind and times. Mail to others that mentions them (a pairing, a circle) stays as sent.
     * A message a sender holds at this moment may still leave; its success is then not recorded. Their mail is
     * found by their account, whatever address it went to: the address they have now may have been someone
     * else's, and their mail may have gone to one they had before.
     */
    void forget(@Observes PersonDeleted deleted) {
        cancelUnsentTo(List.of(deleted.personId()));
        // the row's person id is cleared when the account goes (on delete set null)
        OutboxMessage.update("recipient = ?1, recipientName = null, subject = ?2, textBody = ?2, htmlBody = null, "
                + "ics = null where recipientPersonId = ?3", deleted.pseudonym(), REMOVED, deleted.personId());
    }

    /** A deactivated person gets no more mail: what was not sent to them yet (pending or failed) is cancelled. */
    void stopMailTo(@Observes PeopleDeactivated deactivated) {
        List<Long> personIds = deactivated.personIds();
        for (int from = 0; from < personIds.size(); from += BATCH) {
            List<Long> batch = personIds.subList(from, Math.min(from + BATCH, personIds.size()));
            int cancelled = cancelUnsentTo(batch);
            if (cancelled > 0) {
                audit.record("MAIL_CANCELLED", "OUTBOX_MESSAGE", null, null,
                        cancelled + " unsent messages to " + batch.size() + " deactivated accounts");
            }
        }
    }

    private static final int BATCH = 500;

    /** Deletes the unsent mail to these accounts, so no retry can send it; returns how many. */
    private static int cancelUnsentTo(List<Long> personIds) {
        return (int) OutboxMessage.delete("status <> ?1 and recipientPersonId in ?2", Status.SENT, personIds);
    }

    private static void requeue(OutboxMessage message) {
        message.status = Status.PENDING;
        message.attempts = 0;
        message.nextAttemptAt = Instant.now();
    }
}
