package io.bridgeway.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.MatchNotifier.Notice;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDeleted;
import io.bridgeway.people.hrimport.PeopleImport;
import io.bridgeway.rounds.DeletedAccountLeavesPublishedRoundsIntactTest;
import io.bridgeway.security.Role;
import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Mail not yet sent to someone who deleted their account or was deactivated never goes out, and no retry can send
 * it; a deleted person's sent mail keeps none of their data. Mail to others that mentions them stays.
 */
@QuarkusTest
class NoMailForLeaversTest {

    @Inject
    Outbox outbox;

    @Inject
    PeopleImport peopleImport;

    @Inject
    MockMailbox mailbox;

    /** Queues a mail to {@code email} and leaves it in {@code status}: a pending one waits an hour for its retry. */
    private long queued(String email, String body, Status status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String messageId = outbox.enqueue(new Notice(email, "Them", "Your matches", body, "<p>" + body + "</p>",
                    "BEGIN:VCALENDAR"), Outbox.ROUND_PUBLISHED, null);
            OutboxMessage message = OutboxMessage.find("messageId", messageId).firstResult();
            message.status = status;
            message.nextAttemptAt = Instant.now().plus(Duration.ofHours(1));
            message.sentAt = status == Status.SENT ? Instant.now() : null;
            return message.id;
        });
    }

    private static boolean exists(long id) {
        return Mailboxes.message(id) != null;
    }

    @Test
    void deletingAnAccountCancelsItsUnsentMailAndKeepsNoneOfItsSentMail() {
        String leaver = WebSession.uniqueEmail("mailleaver");
        WebSession.signedUp(leaver, Map.of());
        String pseudonym = PersonDeleted.pseudonymOf(WebSession.idOf(leaver));
        String other = WebSession.uniqueEmail("mailstayer");
        long pending = queued(leaver, "You meet Ana", Status.PENDING);
        long failed = queued(leaver, "You meet Ana", Status.FAILED);
        long sent = queued(leaver, "You meet Ana", Status.SENT);
        long aboutThem = queued(other, "You meet " + leaver, Status.PENDING);

        DeletedAccountLeavesPublishedRoundsIntactTest.deleteAccount(leaver);

        assertFalse(exists(pending), "pending mail is cancelled");
        assertFalse(exists(failed), "failed mail is cancelled: Retry all failed cannot send it");
        OutboxMessage kept = Mailboxes.message(sent);
        assertEquals(Status.SENT, kept.status);
        assertEquals(pseudonym, kept.recipient);
        assertNull(kept.recipientName);
        assertEquals(Outbox.REMOVED, kept.subject);
        assertEquals(Outbox.REMOVED, kept.textBody);
        assertNull(kept.htmlBody);
        assertNull(kept.ics);
        assertEquals("You meet " + leaver, Mailboxes.message(aboutThem).textBody, "mail to others stays");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient", leaver)));
    }

    @Test
    void deactivatingByAnAdminCancelsUnsentMail() {
        String leaver = WebSession.uniqueEmail("maildeactivated");
        WebSession.signedUp(leaver, Map.of());
        long id = WebSession.idOf(leaver);
        long pending = queued(leaver, "Reset your password", Status.PENDING);
        long failed = queued(leaver, "You meet Ana", Status.FAILED);
        long sent = queued(leaver, "You meet Ana", Status.SENT);
        WebSession admin = WebSession.withRole("maildeactivator", Role.ADMIN);

        String page = "/admin/people/" + id;
        assertEquals(303, admin.submit(page, page + "/deactivate", Map.of()).statusCode());

        assertFalse(exists(pending));
        assertFalse(exists(failed));
        assertEquals("You meet Ana", Mailboxes.message(sent).textBody, "a deactivated person's history stays");
    }

    @Test
    void anHrImportLeaverGetsNoMoreMail() {
        String u = "mailhr-" + UUID.randomUUID().toString().substring(0, 8);
        String email = u + "@example.com";
        String active = "employee_id,email,name,department,title,level,manager,office,time_zone,languages,status\n"
                + u + "," + email + ",Lee Ver,Sales,,3,,London,,en,active\n";
        assertTrue(peopleImport.run(active.getBytes(StandardCharsets.UTF_8), false).errors().isEmpty());
        long pending = queued(email, "You meet Ana", Status.PENDING);
        long failed = queued(email, "You meet Ana", Status.FAILED);

        assertTrue(peopleImport.run(active.replace(",active\n", ",leaver\n").getBytes(StandardCharsets.UTF_8), false)
                .errors().isEmpty());

        assertFalse(exists(pending));
        assertFalse(exists(failed));
    }

    @Test
    void mailQueuedForSomeoneDeactivatedMeanwhileNeverLeaves() {
        String leaver = WebSession.uniqueEmail("mailrace");
        WebSession.signedUp(leaver, Map.of());
        // deactivated while a reset mail for them was being queued: the cancellation did not see it
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findByEmail(leaver).active = false);
        String messageId = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(new Notice(leaver, null,
                "Reset your Bridgeway password", "a link", null, null), Outbox.PASSWORD_RESET, null));
        String stayer = WebSession.uniqueEmail("mailracestayer");
        WebSession.signedUp(stayer, Map.of());
        QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(new Notice(stayer, null,
                "Reset your Bridgeway password", "a link", null, null), Outbox.PASSWORD_RESET, null));

        Mailboxes.awaitMailTo(mailbox, List.of(stayer)); // the sender ran past the leaver's mail
        Mailboxes.await(() -> QuarkusTransaction.requiringNew().call(
                () -> OutboxMessage.count("messageId", messageId)) == 0, () -> "the leaver's mail is still queued");
        assertTrue(mailbox.getMailsSentTo(leaver).isEmpty());
    }
}
