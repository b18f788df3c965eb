package io.bridgeway.notifications;

import io.bridgeway.data.Columns;
import io.bridgeway.BridgewayConfig;
import io.bridgeway.cluster.Leases;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers the outbox: claims a small batch of due messages, sends each recipient separately and
 * records each outcome in its own short transaction, so one bad address or a crash affects one mail.
 *
 * <p>Claiming bumps the row's version where it still has the version and status just read, so when
 * several instances run, each message is claimed by one of them. A claim lasts
 * {@code bridgeway.outbox.claim-timeout}: if the sender dies mid-batch, its unsent messages become due
 * again then (at least once: one may have left just before the crash).
 */
@ApplicationScoped
public class OutboxSender {

    private static final int MAX_ERROR = 500;

    /** A claimed message, detached from the transaction that claimed it. */
    record Claim(long id, long version, String messageId, MatchNotifier.Notice notice) {
    }

    @Inject
    BridgewayConfig config;

    @Inject
    MatchNotifier notifier;

    @Inject
    EntityManager em;

    @Inject
    Leases leases;

    @Scheduled(identity = "outbox-sender", every = "${bridgeway.outbox.interval}",
            delayed = "${bridgeway.jobs.first-run-after}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        // one node sends per interval (cluster lease); the row claims below keep a message with one sender anyway
        leases.runOnce("outbox-sender", Leases.quietAfter(config.outbox().interval()), this::deliverWhileDue);
    }

    /**
     * Sends batch after batch while full ones are due, for the part of the interval the lease keeps other nodes
     * quiet: a publication's thousands of mails go out at the mail server's pace, not one batch per interval
     * (20 mails every 5 s: 20,000 took 83 minutes).
     */
    void deliverWhileDue() {
        long stopAt = System.nanoTime() + Leases.quietAfter(config.outbox().interval()).toNanos();
        List<Claim> claims;
        do {
            claims = QuarkusTransaction.requiringNew().call(this::claimDue);
            claims.forEach(this::deliver);
        } while (claims.size() == config.outbox().batchSize() && System.nanoTime() < stopAt);
    }

    /** Sends at most one batch of due messages; returns how many were sent. */
    public int deliverDue() {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(this::claimDue);
        int sent = 0;
        for (Claim claim : claims) {
            if (deliver(claim)) {
                sent++;
            }
        }
        return sent;
    }

    List<Claim> claimDue() {
        Instant now = Instant.now();
        // mail queued while its recipient was being deactivated (Outbox.stopMailTo cancels the rest) never leaves
        em.createQuery("delete from OutboxMessage m where m.status = :pending and m.recipientPersonId in "
                + "(select p.id from Person p where p.active = false)").setParameter("pending", Status.PENDING)
                .executeUpdate();
        // a reset link is valid for 30 minutes and a token notice warns of a stolen password: neither waits
        // behind a publication's thousands of mails
        List<Object[]> due = em.createQuery("select m.id, m.version from OutboxMessage m where m.status = :pending "
                + "and m.nextAttemptAt <= :now order by case when m.kind in (:urgent) then 0 else 1 end, "
                + "m.nextAttemptAt, m.id", Object[].class)
                .setParameter("pending", Status.PENDING).setParameter("now", now)
                .setParameter("urgent", List.of(Outbox.PASSWORD_RESET, Outbox.API_TOKEN_CREATED))
                .setMaxResults(config.outbox().batchSize()).getResultList();
        Instant claimEnds = now.plus(config.outbox().claimTimeout());
        List<Claim> claims = new ArrayList<>();
        for (Object[] row : due) {
            long id = (Long) row[0];
            long version = (Long) row[1];
            int claimed = em.createQuery("update OutboxMessage m set m.nextAttemptAt = :until, m.version = m.version + 1 "
                    + "where m.id = :id and m.version = :version and m.status = :pending")
                    .setParameter("until", claimEnds).setParameter("id", id).setParameter("version", version)
                    .setParameter("pending", Status.PENDING).executeUpdate();
            if (claimed == 1) {
                OutboxMessage message = em.find(OutboxMessage.class, id); // not loaded before: read as claimed
                claims.add(new Claim(id, message.version, message.messageId, message.notice()));
            }
        }
        return claims;
    }

    boolean deliver(Claim claim) {
        try {
            notifier.send(claim.notice(), claim.messageId());
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> recordFailure(claim, e));
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> recordSent(claim));
        return true;
    }

    void recordSent(Claim claim) {
        int updated = em.createQuery("update OutboxMessage m set m.status = :sent, m.sentAt = :now, "
                + "m.attempts = m.attempts + 1, m.lastError = null, m.version = m.version + 1 "
                + "where m.id = :id and m.version = :version")
                .setParameter("sent", Status.SENT).setParameter("now", Instant.now())
                .setParameter("id", claim.id()).setParameter("version", claim.version()).executeUpdate();
        if (updated == 0) {
            Log.warnf("Outbox message %d was sent after its claim ran out; another sender may send it again", claim.id());
        }
        // A reset link is a key to the account while it is valid: once mailed, no copy stays in the database.
        em.createQuery("update OutboxMessage m set m.textBody = :removed, m.htmlBody = null "
                + "where m.id = :id and m.kind = :reset and m.status = :sent")
                .setParameter("removed", LINK_REMOVED).setParameter("id", claim.id())
                .setParameter("reset", Outbox.PASSWORD_RESET).setParameter("sent", Status.SENT).executeUpdate();
    }

    static final String LINK_REMOVED = "(A password-reset link was sent; it is not kept here.)";

    void recordFailure(Claim claim, RuntimeException error) {
        OutboxMessage message = em.find(OutboxMessage.class, claim.id());
        if (message == null || message.version != claim.version()) {
            return; // our claim ran out and another sender owns the message now
        }
        message.attempts++;
        message.lastError = describe(error);
        if (message.attempts >= config.outbox().maxAttempts()) {
            message.status = Status.FAILED;
            Log.warnf("Gave up on outbox message %d (%s) after %d attempts: %s", message.id, message.kind,
                    message.attempts, message.lastError);
        } else {
            message.nextAttemptAt = Instant.now().plus(backoff(message.attempts));
            Log.infof("Outbox message %d (%s) failed, attempt %d: %s", message.id, message.kind, message.attempts,
                    message.lastError);
        }
    }

    /** The wait after the {@code attempts}-th failure: the configured backoff, doubled per attempt, capped. */
    public Duration backoff(int attempts) {
        Duration first = config.outbox().backoff();
        Duration max = config.outbox().maxBackoff();
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** One line for the admin page: the innermost message, never a stack trace. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null || root.getMessage().isBlank() ? "sending failed" : root.getMessage();
        text = text.replaceAll("\\s+", " ").strip();
        return Columns.fit(text, MAX_ERROR);
    }
}
