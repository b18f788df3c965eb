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
 * it; a deleted person's sent mail keeps none of their data. Mail to others that mentions them stays. Mail is
 * theirs by account, not by address: it may have gone to an address they had before, and the address they leave
 * with may have been someone else's.
 */
@QuarkusTest
class NoMailForLeaversTest {

    @Inject
    Outbox outbox;

    @Inject
    PeopleImport peopleImport;

    @Inject
    MockMailbox mailbox;

    /**
     * Queues a mail for the account {@code personId} (null: no account) at {@code email} and leaves it in
     * {@code status}: a pending one waits an hour for its retry.
     */
    /** A pending and a failed mail queued for the account that has {@code email}. */
    private record Unsent(long pending, long failed) {
    }

    private Unsent unsentTo(String email) {
        long personId = WebSession.idOf(email);
        return new Unsent(queued(personId, email, "You meet Ana", Status.PENDING),
                queued(personId, email, "You meet Ana", Status.FAILED));
    }

    private long queued(Long personId, String email, String body, Status status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String messageId = outbox.enqueue(new Notice(personId, email, "Them", "Your matches", body,
                    "<p>" + body + "</p>", "BEGIN:VCALENDAR"), Outbox.ROUND_PUBLISHED, null);
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

    /** The account at {@code from} moves to {@code to}, as when the person, an admin or the HR import changes it. */
    private static void moveAddress(String from, String to) {
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findByEmail(from).email = to);
    }

    /** Imports one employee with this address and status ("active" or "leaver"). */
    private void hrImport(String employeeId, String email, String status) {
        String csv = "employee_id,email,name,department,title,level,manager,office,time_zone,languages,status\n"
                + employeeId + "," + email + ",Lee Ver,Sales,,3,,London,,en," + status + "\n";
        assertTrue(peopleImport.run(csv.getBytes(StandardCharsets.UTF_8), false).errors().isEmpty());
    }

    @Test
    void deletingAnAccountCancelsItsUnsentMailAndKeepsNoneOfItsSentMail() {
        String leaver = WebSession.uniqueEmail("mailleaver");
        WebSession.signedUp(leaver, Map.of());
        String pseudonym = PersonDeleted.pseudonymOf(WebSession.idOf(leaver));
        String other = WebSession.uniqueEmail("mailstayer");
        long leaverId = WebSession.idOf(leaver);
        long pending = queued(leaverId, leaver, "You meet Ana", Status.PENDING);
        long failed = queued(leaverId, leaver, "You meet Ana", Status.FAILED);
        long sent = queued(leaverId, leaver, "You meet Ana", Status.SENT);
        long aboutThem = queued(null, other, "You meet " + leaver, Status.PENDING);

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
        long pending = queued(id, leaver, "Reset your password", Status.PENDING);
        long failed = queued(id, leaver, "You meet Ana", Status.FAILED);
        long sent = queued(id, leaver, "You meet Ana", Status.SENT);
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
        hrImport(u, email, "active");
        Unsent unsent = unsentTo(email);

        hrImport(u, email, "leaver");

        assertFalse(exists(unsent.pending()));
        assertFalse(exists(unsent.failed()));
    }

    @Test
    void anHrImportLeaverGetsNoMoreMailQueuedToTheAddressTheyHadBefore() {
        String u = "mailhrmoved-" + UUID.randomUUID().toString().substring(0, 8);
        String before = u + "@example.com";
        hrImport(u, before, "active");
        Unsent unsent = unsentTo(before);
        String after = u + "-new@example.com";
        hrImport(u, after, "active"); // HR changes the address

        hrImport(u, after, "leaver");

        assertFalse(exists(unsent.pending()), "mail to the former address is cancelled");
        assertFalse(exists(unsent.failed()), "mail to the former address is cancelled");
    }

    @Test
    void deletingAnAccountErasesTheMailSentToTheAddressItHadBefore() {
        String before = WebSession.uniqueEmail("mailmovedleaver");
        WebSession.signedUp(before, Map.of());
        long id = WebSession.idOf(before);
        long pending = queued(id, before, "You meet Ana", Status.PENDING);
        long sent = queued(id, before, "You meet Ana", Status.SENT);
        String after = WebSession.uniqueEmail("mailmovedleaver");
        moveAddress(before, after);

        DeletedAccountLeavesPublishedRoundsIntactTest.deleteAccount(after);

        assertFalse(exists(pending), "unsent mail to the former address is cancelled");
        OutboxMessage kept = Mailboxes.message(sent);
        assertEquals(PersonDeleted.pseudonymOf(id), kept.recipient);
        assertEquals(Outbox.REMOVED, kept.textBody);
        assertNull(kept.recipientPersonId, "nobody's now");
    }

    /** Mail queued for the address's former holder, who moved to another; a newcomer now has {@code address}. */
    private record Reused(String address, long pending, long failed, long sent) {
    }

    private Reused addressPassedOn(String prefix) {
        String address = WebSession.uniqueEmail(prefix);
        WebSession.signedUp(address, Map.of());
        long holder = WebSession.idOf(address);
        long pending = queued(holder, address, "You meet Ana", Status.PENDING);
        long failed = queued(holder, address, "You meet Ana", Status.FAILED);
        long sent = queued(holder, address, "You meet Ana", Status.SENT);
        moveAddress(address, WebSession.uniqueEmail(prefix + "moved"));
        WebSession.signedUp(address, Map.of()); // the freed address is taken by a newcomer
        return new Reused(address, pending, failed, sent);
    }

    @Test
    void deactivatingSomeoneWithAFormerHoldersAddressLeavesTheFormerHoldersMail() {
        Reused reused = addressPassedOn("mailreused");
        WebSession admin = WebSession.withRole("mailreusedadmin", Role.ADMIN);
        String page = "/admin/people/" + WebSession.idOf(reused.address());

        assertEquals(303, admin.submit(page, page + "/deactivate", Map.of()).statusCode());

        assertTrue(exists(reused.pending()), "the former holder's unsent mail stays");
        assertTrue(exists(reused.failed()), "the former holder's failed mail stays");
        // and the sender does not take it for the deactivated newcomer's: it goes out
        QuarkusTransaction.requiringNew().run(
                () -> OutboxMessage.<OutboxMessage>findById(reused.pending()).nextAttemptAt = Instant.now());
        Mailboxes.await(() -> {
            OutboxMessage pending = Mailboxes.message(reused.pending());
            return pending != null && pending.status == Status.SENT;
        }, () -> "the former holder's mail was not sent");
    }

    @Test
    void deletingSomeoneWithAFormerHoldersAddressLeavesTheFormerHoldersMail() {
        Reused reused = addressPassedOn("mailreuseddeleted");

        DeletedAccountLeavesPublishedRoundsIntactTest.deleteAccount(reused.address()); // the newcomer

        assertTrue(exists(reused.pending()), "the former holder's unsent mail stays");
        assertTrue(exists(reused.failed()), "the former holder's failed mail stays");
        OutboxMessage sent = Mailboxes.message(reused.sent());
        assertEquals(reused.address(), sent.recipient, "the former holder's sent mail is not erased");
        assertEquals("You meet Ana", sent.textBody);
    }

    @Test
    void mailQueuedForSomeoneDeactivatedMeanwhileNeverLeaves() {
        String leaver = WebSession.uniqueEmail("mailrace");
        WebSession.signedUp(leaver, Map.of());
        long leaverId = WebSession.idOf(leaver);
        // deactivated, with a new address, while a reset mail for them was being queued: the cancellation did not
        // see it, and the address it goes to is no longer theirs
        QuarkusTransaction.requiringNew().run(() -> {
            Person person = Person.findByEmail(leaver);
            person.active = false;
            person.email = WebSession.uniqueEmail("mailracemoved");
        });
        String messageId = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(new Notice(leaverId, leaver,
                null, "Reset your Bridgeway password", "a link", null, null), Outbox.PASSWORD_RESET, null));
        String stayer = WebSession.uniqueEmail("mailracestayer");
        WebSession.signedUp(stayer, Map.of());
        long stayerId = WebSession.idOf(stayer);
        QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(new Notice(stayerId, stayer, null,
                "Reset your Bridgeway password", "a link", null, null), Outbox.PASSWORD_RESET, null));

        Mailboxes.awaitMailTo(mailbox, List.of(stayer)); // the sender ran past the leaver's mail
        Mailboxes.await(() -> QuarkusTransaction.requiringNew().call(
                () -> OutboxMessage.count("messageId", messageId)) == 0, () -> "the leaver's mail is still queued");
        assertTrue(mailbox.getMailsSentTo(leaver).isEmpty());
    }
}
