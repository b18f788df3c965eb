package io.bridgeway.support;

import io.bridgeway.notifications.OutboxMessage;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting for the outbox sender, which delivers in the background (every second in tests). */
public final class Mailboxes {

    private Mailboxes() {
    }

    /** Waits until each recipient has received at least one mail, and returns the first of each, in order. */
    public static List<Mail> awaitMailTo(MockMailbox mailbox, List<String> recipients) {
        await(() -> recipients.stream().allMatch(r -> !mailbox.getMailsSentTo(r).isEmpty()),
                () -> "no mail yet for some of " + recipients);
        return recipients.stream().map(r -> mailbox.getMailsSentTo(r).get(0)).toList();
    }

    /** The outbox row, read fresh in its own transaction. */
    public static OutboxMessage message(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(id));
    }

    /** The round's outbox rows, oldest first. */
    public static List<OutboxMessage> ofRound(long roundId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list("roundId = ?1 order by id", roundId));
    }

    public static void await(BooleanSupplier condition, java.util.function.Supplier<String> failure) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(failure.get(), e);
        }
    }
}
