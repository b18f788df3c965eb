package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.MatchNotifier.Notice;
import io.bridgeway.notifications.Outbox;
import io.bridgeway.notifications.OutboxMessage;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.bridgeway.notifications.OutboxSender;
import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One address the mailer rejects (a legacy row from before the e-mail rule) fails only its own mail;
 * several senders at once still send each message once.
 */
@QuarkusTest
class OutboxDeliversEachRecipientSeparatelyTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    MockMailbox mailbox;

    static Notice notice(String to) {
        return new Notice(null, to, "Test Person", "Your matches", "Hello " + to, null, null);
    }

    @Test
    void oneBadAddressAmongGoodOnesDoesNotBlockTheOthers() {
        String first = WebSession.uniqueEmail("good-first");
        String bad = "smith,john-" + first; // the mock mailer, like SMTP, rejects it
        String last = WebSession.uniqueEmail("good-last");
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                outbox.enqueue(notice(first), Outbox.ROUND_PUBLISHED, null),
                outbox.enqueue(notice(bad), Outbox.ROUND_PUBLISHED, null),
                outbox.enqueue(notice(last), Outbox.ROUND_PUBLISHED, null)));
        assertEquals(3, ids.stream().distinct().count(), "each message has its own id");
        assertTrue(ids.stream().allMatch(id -> id.matches("<[0-9a-f-]{36}@bridgeway>")), ids.toString());

        List<Mail> mails = Mailboxes.awaitMailTo(mailbox, List.of("\"Test Person\" <" + first + ">",
                "\"Test Person\" <" + last + ">"));
        assertEquals(List.of(ids.get(0)), mails.get(0).getHeaders().get("Message-ID"));
        assertEquals(List.of(ids.get(2)), mails.get(1).getHeaders().get("Message-ID"));

        Mailboxes.await(() -> byMessageId(ids.get(1)).attempts >= 1, () -> "the bad address was not tried");
        OutboxMessage failed = byMessageId(ids.get(1));
        assertEquals(Status.PENDING, failed.status, "retried later");
        assertTrue(failed.lastError.contains("address is invalid"), failed.lastError);
        assertTrue(!failed.lastError.contains("\n") && !failed.lastError.contains("\tat "), "no stack trace");
        Mailboxes.await(() -> byMessageId(ids.get(2)).status == Status.SENT, () -> "not marked sent");
        OutboxMessage sent = byMessageId(ids.get(0));
        assertEquals(Status.SENT, sent.status);
        assertEquals(1, sent.attempts);
        assertNotNull(sent.sentAt);
    }

    @Test
    void enqueueingNeedsTheCallersTransaction() {
        assertThrows(TransactionalException.class, () -> outbox.enqueue(notice("ana@example.com"), Outbox.PASSWORD_RESET, null));
    }

    @Test
    void threeSendersAtOnceSendEachMessageExactlyOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            recipients.add(WebSession.uniqueEmail("race" + i));
        }
        QuarkusTransaction.requiringNew().run(() -> recipients.forEach(r -> outbox.enqueue(
                new Notice(null, r, null, "Race", "Hello", null, null), Outbox.ROUND_PUBLISHED, null)));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(sender::deliverDue));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        Mailboxes.awaitMailTo(mailbox, recipients); // the scheduled sender may have taken some too
        Mailboxes.await(() -> QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "recipient in ?1 and status = ?2", recipients, Status.SENT)) == recipients.size(), () -> "not all marked sent");
        for (String r : recipients) {
            assertEquals(1, mailbox.getMailsSentTo(r).size(), r + " got one mail");
        }
    }

    static OutboxMessage byMessageId(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("messageId", messageId).firstResult());
    }
}
