package io.bridgeway.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bridgeway.notifications.MatchNotifier.Notice;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An admin's Retry on a message a sender holds (still PENDING, in the SMTP call) is refused: requeuing
 * it made the sender's success go unrecorded, and the next run sent the mail a second time.
 */
@QuarkusTest
class RetryWhileSendingSendsOnceTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    MockMailbox mailbox;

    @Test
    void aRetryDuringTheSendIsRefusedAndTheMailGoesOutOnce() {
        String recipient = WebSession.uniqueEmail("retry-while-sending");
        long id = QuarkusTransaction.requiringNew().call(() -> {
            String messageId = outbox.enqueue(new Notice(null, recipient, null, "Your matches", "Hello", null, null),
                    Outbox.ROUND_PUBLISHED, null);
            OutboxMessage message = OutboxMessage.<OutboxMessage>find("messageId", messageId).firstResult();
            message.nextAttemptAt = Instant.now().plus(Duration.ofHours(1)); // not for the background sender
            return message.id;
        });
        // Made due and claimed in one transaction, so the background sender (every second in tests) never sees it
        // due; first in the claim order, ahead of anything other tests left due.
        List<OutboxSender.Claim> claims = QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage.update("nextAttemptAt = ?1 where id = ?2", Instant.EPOCH, id);
            return sender.claimDue();
        });
        OutboxSender.Claim claim = claims.stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("the message was not claimed: " + claims));
        OutboxMessage claimed = Mailboxes.message(id);

        assertEquals(Outbox.Retry.NOT_FAILED, outbox.retry(id), "an admin presses Retry during the SMTP call");
        OutboxMessage afterRetry = Mailboxes.message(id);
        assertEquals(List.of(Status.PENDING, claimed.version, claimed.nextAttemptAt, 0),
                List.of(afterRetry.status, afterRetry.version, afterRetry.nextAttemptAt, afterRetry.attempts),
                "the refused retry changed nothing");

        claims.forEach(sender::deliver); // the first delivery (and any other message claimed with it) finishes
        assertEquals(Status.SENT, Mailboxes.message(id).status, "the send was recorded");
        sender.deliverDue();
        assertEquals(1, mailbox.getMailsSentTo(recipient).size(), "exactly one copy");
        assertEquals(claim.messageId(), mailbox.getMailsSentTo(recipient).get(0).getHeaders().get("Message-ID").get(0));
    }
}
