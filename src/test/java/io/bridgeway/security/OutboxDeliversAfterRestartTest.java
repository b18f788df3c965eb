package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.OutboxMessage;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.bridgeway.notifications.OutboxSender;
import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a crashed instance leaves in the table is delivered by the next one: messages never tried, and
 * messages claimed by a sender that died (once the claim ran out). A live claim is left alone.
 */
@QuarkusTest
class OutboxDeliversAfterRestartTest {

    @Inject
    OutboxSender sender;

    @Inject
    MockMailbox mailbox;

    /** A row as a previous run of the application left it, written straight into the table. */
    static long leftBehind(String recipient, Instant nextAttemptAt, int attempts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage m = new OutboxMessage();
            m.kind = "ROUND_PUBLISHED";
            m.recipient = recipient;
            m.subject = "Your matches";
            m.textBody = "Hello from before the restart";
            m.messageId = "<" + UUID.randomUUID() + "@bridgeway>";
            m.status = Status.PENDING;
            m.attempts = attempts;
            m.createdAt = Instant.now().minus(Duration.ofMinutes(10));
            m.nextAttemptAt = nextAttemptAt;
            m.persist();
            return m.id;
        });
    }

    @Test
    void pendingAndAbandonedMessagesAreDeliveredButALiveClaimIsNot() {
        String neverTried = WebSession.uniqueEmail("restart-pending");
        String claimRanOut = WebSession.uniqueEmail("restart-claimed");
        String stillClaimed = WebSession.uniqueEmail("restart-live");
        long pending = leftBehind(neverTried, Instant.now().minusSeconds(60), 0);
        long abandoned = leftBehind(claimRanOut, Instant.now().minusSeconds(1), 2);
        long live = leftBehind(stillClaimed, Instant.now().plus(Duration.ofMinutes(5)), 0);

        sender.deliverDue();
        Mailboxes.awaitMailTo(mailbox, List.of(neverTried, claimRanOut));
        Mailboxes.await(() -> Mailboxes.message(abandoned).status == Status.SENT, () -> "not marked sent");
        assertEquals(Status.SENT, Mailboxes.message(pending).status);
        assertEquals(List.of(Mailboxes.message(pending).messageId),
                mailbox.getMailsSentTo(neverTried).get(0).getHeaders().get("Message-ID"));
        assertEquals(3, Mailboxes.message(abandoned).attempts, "the attempt of the dead sender still counts");

        assertTrue(mailbox.getMailsSentTo(stillClaimed).isEmpty(), "another sender holds it");
        assertEquals(Status.PENDING, Mailboxes.message(live).status);
    }
}
