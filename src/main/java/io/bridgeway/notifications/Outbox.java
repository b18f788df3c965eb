package io.bridgeway.notifications;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.bridgeway.people.PeopleDeactivated;
import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
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
     * A message a sender holds at this moment may still leave; its success is then not recorded.
     */
    void forget(@Observes PersonDeleted deleted) {
        cancelUnsentTo(List.of(deleted.email()));
        OutboxMessage.update("recipient = ?1, recipientName = null, subject = ?2, textBody = ?2, htmlBody = null, "
                + "ics = null where lower(recipient) = ?3", deleted.pseudonym(), REMOVED,
                deleted.email().toLowerCase(java.util.Locale.ROOT));
    }

    /** A deactivated person gets no more mail: what was not sent to them yet (pending or failed) is cancelled. */
    void stopMailTo(@Observes PeopleDeactivated deactivated) {
        for (int from = 0; from < deactivated.personIds().size(); from += BATCH) {
            List<String> emails = Person.find("select p.email from Person p where p.id in ?1",
                    deactivated.personIds().subList(from, Math.min(from + BATCH, deactivated.personIds().size())))
                    .project(String.class).list();
            int cancelled = cancelUnsentTo(emails);
            if (cancelled > 0) {
                audit.record("MAIL_CANCELLED", "OUTBOX_MESSAGE", null, null,
                        cancelled + " unsent messages to " + emails.size() + " deactivated accounts");
            }
        }
    }

    private static final int BATCH = 500;

    /** Deletes the unsent mail to these addresses, so no retry can send it; returns how many. */
    static int cancelUnsentTo(Collection<String> emails) {
        return emails.isEmpty() ? 0 : (int) OutboxMessage.delete("status <> ?1 and lower(recipient) in ?2", Status.SENT,
                emails.stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private static void requeue(OutboxMessage message) {
        message.status = Status.PENDING;
        message.attempts = 0;
        message.nextAttemptAt = Instant.now();
    }
}
