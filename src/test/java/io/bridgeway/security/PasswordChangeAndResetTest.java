package io.bridgeway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.Outbox;
import io.bridgeway.notifications.OutboxMessage;
import io.bridgeway.people.Person;
import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasswordChangeAndResetTest {

    static final String NEW_PASSWORD = "a-brand-new-passphrase";
    static final Pattern LINK = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)");

    @Inject
    MockMailbox mailbox;

    @Test
    void changingThePasswordKeepsThisBrowserAndSignsOutTheOthers() {
        String email = WebSession.uniqueEmail("change");
        WebSession laptop = WebSession.signedUp(email, Map.of());
        WebSession phone = new WebSession();
        phone.login(email, WebSession.PASSWORD);

        Response changed = laptop.submit("/password/change", "/password/change",
                Map.of("current", WebSession.PASSWORD, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertEquals(303, changed.statusCode());
        assertEquals(200, laptop.get("/profile").statusCode(), "the browser that changed it stays signed in");
        assertEquals(302, phone.get("/profile").statusCode(), "every other session ended");
        assertEquals(401, new WebSession().login(email, WebSession.PASSWORD).statusCode());
        assertEquals(303, new WebSession().login(email, NEW_PASSWORD).statusCode());
    }

    @Test
    void aChangeIsRefusedFieldByFieldAndNothingIsSaved() {
        String email = WebSession.uniqueEmail("change-bad");
        WebSession session = WebSession.signedUp(email, Map.of());
        Response wrongCurrent = session.submit("/password/change", "/password/change",
                Map.of("current", "not-my-password", "password", "password1234", "confirmation", "other"));
        assertEquals(400, wrongCurrent.statusCode());
        Document page = Jsoup.parse(wrongCurrent.asString());
        assertEquals("That is not your current password.", page.select("#current-error").text().replace("Error: ", ""));
        assertTrue(page.select("#password-error").text().contains("most common"));
        Response mismatch = session.submit("/password/change", "/password/change",
                Map.of("current", WebSession.PASSWORD, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD + "x"));
        assertTrue(Jsoup.parse(mismatch.asString()).select("#confirmation-error").text().contains("differ"));
        assertEquals(303, new WebSession().login(email, WebSession.PASSWORD).statusCode(), "the old password still works");
        assertEquals(200, session.get("/profile").statusCode(), "and the session was not ended");
    }

    @Test
    void aResetLinkWorksOnceAndEndsEverySession() {
        String email = WebSession.uniqueEmail("reset");
        WebSession stillSignedIn = WebSession.signedUp(email, Map.of());
        mailbox.clear();
        Response asked = new WebSession().submit("/password/forgot", "/password/forgot", Map.of("email", email));
        assertEquals(303, asked.statusCode());
        String token = tokenMailedTo(email);
        Mailboxes.await(() -> QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find(
                "recipient = ?1 and kind = ?2", email, Outbox.PASSWORD_RESET).singleResult().textBody).equals(
                "(A password-reset link was sent; it is not kept here.)"), () -> "the mailed link stays in the outbox");
        assertEquals(WebSession.idOf(email), QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage>find("recipient = ?1 and kind = ?2", email, Outbox.PASSWORD_RESET).singleResult()
                .recipientPersonId), "queued for their account");

        WebSession browser = new WebSession();
        assertEquals(200, browser.get("/password/reset?token=" + token).statusCode());
        Response reset = browser.submit("/password/reset?token=" + token, "/password/reset",
                Map.of("token", token, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertEquals(303, reset.statusCode());
        assertEquals(303, new WebSession().login(email, NEW_PASSWORD).statusCode());
        assertEquals(302, stillSignedIn.get("/profile").statusCode(), "whoever had a session is signed out");

        Response again = new WebSession().get("/password/reset?token=" + token);
        assertEquals(400, again.statusCode(), "single use");
        assertTrue(again.asString().contains("expired or was already used"));
    }

    @Test
    void anExpiredLinkIsRefused() {
        String email = WebSession.uniqueEmail("reset-expired");
        WebSession.signedUp(email, Map.of());
        mailbox.clear();
        new WebSession().submit("/password/forgot", "/password/forgot", Map.of("email", email));
        String token = tokenMailedTo(email);
        QuarkusTransaction.requiringNew().run(() -> PasswordReset.update("expiresAt = ?1 where person.email = ?2",
                Instant.now().minus(Duration.ofMinutes(1)), email));
        WebSession browser = new WebSession();
        browser.get("/password/forgot");
        Response refused = browser.submit("/password/forgot", "/password/reset",
                Map.of("token", token, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertEquals(400, refused.statusCode());
        assertEquals(401, new WebSession().login(email, NEW_PASSWORD).statusCode(), "the password did not change");
    }

    @Test
    void askingForAnUnknownAddressSaysTheSameAndSendsNothing() {
        mailbox.clear();
        String unknown = WebSession.uniqueEmail("nobody-here");
        Response asked = new WebSession().submit("/password/forgot", "/password/forgot", Map.of("email", unknown));
        assertEquals(303, asked.statusCode());
        assertEquals("/login", java.net.URI.create(asked.header("Location")).getPath());
        assertEquals(0, mailbox.getTotalMessagesSent());
    }

    @Test
    void onlyTheTokensHashIsStored() {
        String email = WebSession.uniqueEmail("reset-hash");
        WebSession.signedUp(email, Map.of());
        mailbox.clear();
        new WebSession().submit("/password/forgot", "/password/forgot", Map.of("email", email));
        String token = tokenMailedTo(email);
        PasswordReset stored = QuarkusTransaction.requiringNew().call(
                () -> PasswordReset.<PasswordReset>find("person.email", email).firstResult());
        assertNotNull(stored);
        assertTrue(!stored.tokenHash.contains(token) && stored.tokenHash.length() == 64);
        assertNull(stored.usedAt);
    }

    @Test
    void strangersCannotFloodAnInboxWithResetMails() {
        String email = WebSession.uniqueEmail("reset-flood");
        WebSession.signedUp(email, Map.of());
        mailbox.clear();
        for (int i = 0; i < 6; i++) {
            new WebSession().submit("/password/forgot", "/password/forgot", Map.of("email", email));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mails(email).size() >= PasswordService.MAX_RESETS_PER_WINDOW);
        assertEquals(PasswordService.MAX_RESETS_PER_WINDOW, mails(email).size());
    }

    private List<Mail> mails(String email) {
        List<Mail> sent = mailbox.getMailsSentTo("\"Test Person\" <" + email + ">");
        return sent == null ? List.of() : sent;
    }

    private String tokenMailedTo(String email) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !mails(email).isEmpty());
        Matcher link = LINK.matcher(mails(email).get(mails(email).size() - 1).getText());
        assertTrue(link.find(), "the mail carries a reset link");
        return link.group(1);
    }

    @Test
    void theApiStaysOnHttpBasicAndIgnoresSessionCookies() {
        String email = WebSession.uniqueEmail("api-cookie");
        WebSession session = WebSession.signedUp(email, Map.of());
        given().cookie(SessionCookie.NAME, session.cookie(SessionCookie.NAME)).get("/api/v1/me").then().statusCode(401);
        QuarkusTransaction.requiringNew().run(() -> assertNotNull(Person.findByEmail(email)));
    }
}
