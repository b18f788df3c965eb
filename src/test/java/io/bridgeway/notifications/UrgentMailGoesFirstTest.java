package io.bridgeway.notifications;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.MatchNotifier.Notice;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A password reset queued after a publication's mails is sent before them: its link is valid for 30 minutes. */
@QuarkusTest
class UrgentMailGoesFirstTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxSender sender;

    @Test
    void aResetQueuedAfterAPublicationIsClaimedFirst() {
        List<Long> publication = new ArrayList<>();
        long reset = QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < 3; i++) {
                publication.add(queued(Outbox.ROUND_PUBLISHED, i));
            }
            return queued(Outbox.PASSWORD_RESET, 10);
        });
        // made due and claimed in one transaction, so the background sender (every second in tests) never sees them
        List<Long> claimed = QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage.update("nextAttemptAt = ?1 where id in ?2", Instant.EPOCH, publication);
            OutboxMessage.update("nextAttemptAt = ?1 where id = ?2", Instant.EPOCH.plusSeconds(10), reset);
            return sender.claimDue().stream().map(OutboxSender.Claim::id).toList();
        });
        int resetAt = claimed.indexOf(reset);
        assertTrue(resetAt >= 0 && publication.stream().allMatch(id -> claimed.indexOf(id) > resetAt),
                "reset " + reset + " before " + publication + " in " + claimed);
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.delete("id in ?1", claimed.stream()
                .filter(id -> id == reset || publication.contains(id)).toList()));
    }

    private long queued(String kind, int n) {
        String messageId = outbox.enqueue(new Notice(null, WebSession.uniqueEmail("urgent" + n), null, "Subject",
                "Hello", null, null), kind, null);
        OutboxMessage message = OutboxMessage.<OutboxMessage>find("messageId", messageId).firstResult();
        message.nextAttemptAt = Instant.now().plus(Duration.ofHours(1)); // not for the background sender yet
        return message.id;
    }
}
