package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.notifications.MatchNotifier.Notice;
import io.bridgeway.notifications.Outbox;
import io.bridgeway.notifications.OutboxMessage;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.bridgeway.notifications.OutboxSender;
import io.bridgeway.support.Mailboxes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A mail the mailer keeps refusing is retried after growing pauses, then marked FAILED. */
@QuarkusTest
class OutboxRetriesWithBackoffTest {

    @Inject
    Outbox outbox;

    @Inject
    BridgewayConfig config;

    @Inject
    OutboxSender sender;

    @Test
    void failuresWaitTwiceAsLongEachTimeThenGiveUp() {
        String messageId = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(
                new Notice(null, "bounce,me@example.com", null, "Your matches", "Hello", null, null),
                Outbox.ROUND_PUBLISHED, null));
        long id = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("messageId", messageId)
                .firstResult().id);
        Duration first = config.outbox().backoff();

        OutboxMessage afterOne = awaitAttempts(id, 1);
        assertEquals(Status.PENDING, afterOne.status);
        assertWaits(afterOne, first);

        makeDue(id, null);
        OutboxMessage afterTwo = awaitAttempts(id, 2);
        assertEquals(Status.PENDING, afterTwo.status);
        assertWaits(afterTwo, first.multipliedBy(2));

        int max = config.outbox().maxAttempts();
        makeDue(id, max - 1);
        OutboxMessage givenUp = awaitAttempts(id, max);
        assertEquals(Status.FAILED, givenUp.status);
        assertTrue(givenUp.lastError.contains("address is invalid"), givenUp.lastError);
        assertTrue(givenUp.sentAt == null);
    }

    @Test
    void theWaitDoublesUpToTheConfiguredCeiling() {
        Duration first = config.outbox().backoff();
        assertEquals(first, sender.backoff(1));
        assertEquals(first.multipliedBy(4), sender.backoff(3));
        assertEquals(config.outbox().maxBackoff(), sender.backoff(40));
    }

    static OutboxMessage awaitAttempts(long id, int attempts) {
        // attempts and the next attempt time are written together, when the failure is recorded
        Mailboxes.await(() -> Mailboxes.message(id).attempts == attempts,
                () -> "attempt " + attempts + " did not happen: " + Mailboxes.message(id).attempts);
        return Mailboxes.message(id);
    }

    /** The next attempt is {@code wait} after the failure (which happened within the last few seconds). */
    static void assertWaits(OutboxMessage message, Duration wait) {
        Instant now = Instant.now();
        assertTrue(message.nextAttemptAt.isAfter(now.plus(wait).minusSeconds(5))
                && !message.nextAttemptAt.isAfter(now.plus(wait)), message.nextAttemptAt + " vs now + " + wait);
    }

    static void makeDue(long id, Integer attempts) {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage m = OutboxMessage.findById(id);
            m.nextAttemptAt = Instant.now().minusSeconds(1);
            if (attempts != null) {
                m.attempts = attempts;
            }
        });
    }
}
