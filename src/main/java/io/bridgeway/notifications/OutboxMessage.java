package io.bridgeway.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One mail to one recipient, waiting in the outbox or already delivered. Written only through
 * {@link Outbox}; the body stays in the database and is shown to nobody but the recipient's mailbox.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntity {

    public enum Status {
        /** Waiting for (another) attempt at {@link #nextAttemptAt}. */
        PENDING,
        SENT,
        /** Gave up after the configured attempts; an admin can retry it. */
        FAILED
    }

    /** What caused the mail, e.g. {@code ROUND_PUBLISHED}, {@code PASSWORD_RESET}. */
    @Column(nullable = false, length = 32)
    public String kind;

    @Column(name = "round_id")
    public Long roundId;

    @Column(nullable = false, length = 254)
    public String recipient;

    /**
     * The account the mail was queued for; null for an address with no account. Deactivation and deletion find
     * the mail by it: the address may belong to someone else by then.
     */
    @Column(name = "recipient_person_id")
    public Long recipientPersonId;

    @Column(name = "recipient_name", length = 200)
    public String recipientName;

    @Column(nullable = false, length = 500)
    public String subject;

    @Column(name = "text_body", nullable = false, length = 1_000_000)
    public String textBody;

    @Column(name = "html_body", length = 1_000_000)
    public String htmlBody;

    @Column(length = 1_000_000)
    public String ics;

    /** The {@code Message-ID} header, stable across retries, so a recipient can recognise a duplicate. */
    @Column(name = "message_id", nullable = false, length = 100)
    public String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    /** When the next attempt is due; while a sender holds the row, the end of its claim. */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** The last failure, one line without a stack trace. */
    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Version
    public long version;

    MatchNotifier.Notice notice() {
        return new MatchNotifier.Notice(recipientPersonId, recipient, recipientName, subject, textBody, htmlBody, ics);
    }
}
