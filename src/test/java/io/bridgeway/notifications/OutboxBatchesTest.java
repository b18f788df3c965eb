package io.bridgeway.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.notifications.MatchNotifier.Notice;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One run of the sender sends batch after batch while full ones are due, not one batch per interval: a
 * publication's thousands of mails go out at the mail server's pace.
 */
@QuarkusTest
class OutboxBatchesTest {

    private static final String SENDER_LEASE = "job:outbox-sender";

    @Inject
    Outbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    BridgewayConfig config;

    @Inject
    EntityManager em;

    @Test
    void oneRunSendsEveryFullBatchThatIsDue() {
        int batch = config.outbox().batchSize();
        int queued = 2 * batch + batch / 2;
        List<Long> ids = new ArrayList<>();
        keepTheBackgroundSenderQuiet(Instant.now().plus(Duration.ofMinutes(5)));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < queued; i++) {
                    String messageId = outbox.enqueue(new Notice(null, WebSession.uniqueEmail("batch" + i), null,
                            "Subject", "Hello", null, null), Outbox.ROUND_PUBLISHED, null);
                    ids.add(OutboxMessage.<OutboxMessage>find("messageId", messageId).firstResult().id);
                }
            });
            assertEquals(queued, countWithStatus(ids, Status.PENDING));

            sender.deliverWhileDue();

            assertEquals(queued, countWithStatus(ids, Status.SENT), "three batches in one run: two full, one not");
        } finally {
            keepTheBackgroundSenderQuiet(Instant.EPOCH);
            QuarkusTransaction.requiringNew().run(() -> OutboxMessage.delete("id in ?1", ids));
        }
    }

    /** Holds the sender's cluster lease for another node until {@code until}, or gives it back (the epoch). */
    private void keepTheBackgroundSenderQuiet(Instant until) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from cluster_lease where lease_name = ?1").setParameter(1, SENDER_LEASE)
                    .executeUpdate();
            em.createNativeQuery("insert into cluster_lease (lease_name, owner_node, held_until) values (?1, ?2, ?3)")
                    .setParameter(1, SENDER_LEASE).setParameter(2, "another-node").setParameter(3, until)
                    .executeUpdate();
        });
    }

    private long countWithStatus(List<Long> ids, Status status) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("id in ?1 and status = ?2", ids, status));
    }
}
