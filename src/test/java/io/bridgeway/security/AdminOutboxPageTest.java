package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.OutboxMessage;
import io.bridgeway.notifications.OutboxMessage.Status;
import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Admins see undelivered mail (never its body) and retry it; nobody else can. */
@QuarkusTest
class AdminOutboxPageTest {

    static final String SECRET_BODY = "Your mentor is someone confidential";

    static long failed(String recipient) {
        return message(recipient, Status.FAILED, Instant.now());
    }

    /** A row as the sender leaves it; a pending one due at {@code nextAttemptAt} (or held until then by a sender). */
    static long message(String recipient, Status status, Instant nextAttemptAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage m = new OutboxMessage();
            m.kind = "ROUND_PUBLISHED";
            m.roundId = 4242L;
            m.recipient = recipient;
            m.subject = "Pilot: your matches";
            m.textBody = SECRET_BODY;
            m.messageId = "<" + UUID.randomUUID() + "@bridgeway>";
            m.status = status;
            m.attempts = status == Status.FAILED ? 8 : 1;
            m.lastError = "550 5.1.1 mailbox unavailable";
            m.createdAt = Instant.now();
            m.nextAttemptAt = nextAttemptAt;
            m.persist();
            return m.id;
        });
    }

    @Test
    void employeesAndManagersGet403() {
        long id = failed(WebSession.uniqueEmail("outbox-hidden"));
        for (String role : new String[] {Role.EMPLOYEE, Role.PROGRAM_MANAGER}) {
            WebSession session = WebSession.withRole("outbox-" + role.toLowerCase(), role);
            assertEquals(403, session.get("/admin/outbox").statusCode());
            assertEquals(403, session.submit("/profile/edit", "/admin/outbox/" + id + "/retry", Map.of()).statusCode());
            assertEquals(403, session.submit("/profile/edit", "/admin/outbox/retry-failed", Map.of()).statusCode());
            assertTrue(!session.get("/admin/outbox").asString().contains(SECRET_BODY));
        }
        assertEquals(Status.FAILED, Mailboxes.message(id).status);
        assertNotEquals(200, new WebSession().get("/admin/outbox").statusCode(), "anonymous visitors are sent to sign in");
    }

    @Test
    void anAdminSeesFailedMailWithoutItsBodyAndRetriesIt() {
        String recipient = WebSession.uniqueEmail("outbox-failed");
        long id = failed(recipient);
        WebSession admin = WebSession.withRole("outbox-admin", Role.ADMIN);
        Document page = admin.page("/admin/outbox");
        assertEquals("/admin/outbox", page.select("nav[aria-label=Main] a:contains(Mail outbox)").attr("href"));
        Element row = page.selectFirst("tr#message-" + id);
        assertTrue(row != null, "the failed message is listed");
        String text = row.text();
        assertTrue(text.contains("FAILED") && text.contains(recipient) && text.contains("Pilot: your matches")
                && text.contains("550 5.1.1 mailbox unavailable") && text.contains("8"), text);
        assertTrue(!page.html().contains(SECRET_BODY), "the body is not shown, even to admins");

        Response forged = admin.post("/admin/outbox/" + id + "/retry", Map.of());
        assertEquals(400, forged.statusCode(), "no CSRF token");
        assertEquals(Status.FAILED, Mailboxes.message(id).status);

        Response retried = admin.submit("/admin/outbox", "/admin/outbox/" + id + "/retry", Map.of());
        assertEquals(303, retried.statusCode());
        OutboxMessage again = Mailboxes.message(id);
        assertTrue(again.status != Status.FAILED && again.attempts <= 1, again.status + " " + again.attempts);
        Mailboxes.await(() -> Mailboxes.message(id).status == Status.SENT, () -> "the retried message was not sent");
        assertTrue(admin.page("/admin/outbox").select("tr#message-" + id).isEmpty(), "sent messages leave the list");
    }

    @Test
    void retryAllFailedRequeuesEveryFailedMessage() {
        long a = failed(WebSession.uniqueEmail("outbox-all-a"));
        long b = failed(WebSession.uniqueEmail("outbox-all-b"));
        WebSession admin = WebSession.withRole("outbox-all-admin", Role.ADMIN);
        assertEquals(1, admin.page("/admin/outbox").select("form[action=/admin/outbox/retry-failed]").size());
        Instant clicked = Instant.now();
        Response response = admin.submit("/admin/outbox", "/admin/outbox/retry-failed", Map.of());
        assertEquals(303, response.statusCode());
        assertTrue(Mailboxes.message(a).status != Status.FAILED && Mailboxes.message(b).status != Status.FAILED);
        assertEquals(0, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "status = ?1 and createdAt <= ?2", Status.FAILED, clicked)), "every failed message was requeued");
    }

    @Test
    void onlyFailedMessagesHaveARetryAndRetryingAPendingOneChangesNothing() {
        long failed = failed(WebSession.uniqueEmail("outbox-retriable"));
        // held by a sender, as claimDue leaves it: still PENDING, due when the claim runs out
        long claimed = message(WebSession.uniqueEmail("outbox-being-sent"), Status.PENDING,
                Instant.now().plus(Duration.ofMinutes(5)));
        OutboxMessage before = Mailboxes.message(claimed);
        WebSession admin = WebSession.withRole("outbox-pending-admin", Role.ADMIN);
        Document page = admin.page("/admin/outbox");
        assertEquals(1, page.select("tr#message-" + failed + " form[action=/admin/outbox/" + failed + "/retry] button").size());
        Element pendingRow = page.selectFirst("tr#message-" + claimed);
        assertTrue(pendingRow != null && pendingRow.text().contains("PENDING"), "the pending message is listed");
        assertTrue(pendingRow.select("form, button").isEmpty(), "no Retry for a message a sender may hold: " + pendingRow);

        Response refused = admin.submit("/admin/outbox", "/admin/outbox/" + claimed + "/retry", Map.of());
        assertEquals(303, refused.statusCode(), "back to the list, with a message");
        assertTrue(admin.page("/admin/outbox").text().contains("Message " + claimed
                + " has not failed: it is being sent or waits for its next attempt"), "the admin is told why");
        OutboxMessage after = Mailboxes.message(claimed);
        assertEquals(List.of(Status.PENDING, before.version, before.attempts, before.nextAttemptAt),
                List.of(after.status, after.version, after.attempts, after.nextAttemptAt), "nothing changed");
    }
}
