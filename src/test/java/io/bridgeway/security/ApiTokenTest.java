package io.bridgeway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.audit.AuditEntry;
import io.bridgeway.notifications.Outbox;
import io.bridgeway.notifications.OutboxMessage;
import io.bridgeway.people.Person;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Personal API tokens: made on the profile, shown once, used as Bearer on /api, revoked, expired. */
@QuarkusTest
public class ApiTokenTest {

    @Inject
    SessionTokens sessionTokens;

    private static final String PAGE = "/profile/api-tokens";

    private static Response create(WebSession owner, String name, String expiresOn) {
        return owner.submit(PAGE, PAGE, Map.of("name", name, "expiresOn", expiresOn, "password", WebSession.PASSWORD));
    }

    private static String secretOf(Response created) {
        assertEquals(200, created.statusCode(), created.asString());
        return Jsoup.parse(created.asString()).select("#new-token-secret").text();
    }

    private static Response me(String secret) {
        return given().header("Authorization", "Bearer " + secret).get("/api/v1/me");
    }

    private static long tokens(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ApiToken.count("person.email", email));
    }

    private static long idOf(String secret) {
        return QuarkusTransaction.requiringNew().call(
                () -> ApiToken.<ApiToken>find("tokenHash", Passwords.sha256(secret)).firstResult().id);
    }

    private static long audited(String action, long tokenId) {
        return QuarkusTransaction.requiringNew().call(
                () -> AuditEntry.count("action = ?1 and subjectId = ?2", action, tokenId));
    }

    @Test
    void aTokenIsShownOnceWorksAsBearerAndStopsTheMomentItIsRevoked() {
        String email = WebSession.uniqueEmail("token-owner");
        WebSession owner = WebSession.signedUp(email, Map.of());
        assertEquals(PAGE, owner.page("/profile").select("#api-tokens-link").attr("href"));
        assertFalse(owner.page(PAGE).select("#api-tokens-empty").isEmpty());

        String secret = secretOf(create(owner, "  weekly export  ", ""));
        assertTrue(secret.matches("bw_[A-Za-z0-9_-]{32}"), secret); // 24 random bytes = 192 bits
        Document again = owner.page(PAGE);
        assertFalse(again.outerHtml().contains(secret), "the secret is shown once only");
        assertTrue(again.select("#api-tokens").text().contains("weekly export"), again.select("#api-tokens").text());
        long id = idOf(secret);
        QuarkusTransaction.requiringNew().run(() -> {
            ApiToken stored = ApiToken.findById(id);
            assertEquals(Passwords.sha256(secret), stored.tokenHash, "only the hash is stored");
            assertNull(stored.expiresAt);
            assertNull(stored.lastUsedAt);
        });
        assertEquals(1, audited("API_TOKEN_CREATED", id));
        // the owner is told (queued in the outbox with the token, so it survives a crash), never the secret
        OutboxMessage notice = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find(
                "recipient = ?1 and kind = ?2", email, Outbox.API_TOKEN_CREATED).singleResult());
        assertEquals("A new Bridgeway API token: weekly export", notice.subject);
        assertEquals(WebSession.idOf(email), notice.recipientPersonId);
        assertTrue(notice.textBody.contains("/profile/api-tokens"), notice.textBody);
        assertFalse(notice.textBody.contains(secret), "the secret is never mailed");

        Response answer = me(secret);
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals(email, answer.jsonPath().getString("email"));
        assertNull(answer.getCookie(SessionCookie.NAME), "a token call starts no session");
        QuarkusTransaction.requiringNew().run(() -> assertNotNull(ApiToken.<ApiToken>findById(id).lastUsedAt));
        assertEquals(email, given().header("Authorization", "bearer " + secret).get("/api/v1/me")
                .jsonPath().getString("email"), "the scheme is case-insensitive");
        assertTrue(owner.page(PAGE).select("#api-token-" + id).text().contains("Never"), "no expiry");
        // The API lists my tokens, never their secrets.
        Response listed = given().header("Authorization", "Bearer " + secret).get("/api/v1/me/api-tokens");
        assertEquals(200, listed.statusCode());
        assertEquals("weekly export", listed.jsonPath().getString("[0].name"));
        assertFalse(listed.asString().contains(secret));

        // without the CSRF token nothing is made or revoked
        assertEquals(400, owner.post(PAGE, Map.of("name", "forged", "expiresOn", "")).statusCode());
        assertEquals(400, owner.post(PAGE + "/" + id + "/revoke", Map.of()).statusCode());
        assertEquals(1, tokens(email));

        assertEquals(303, owner.submit(PAGE, PAGE + "/" + id + "/revoke", Map.of()).statusCode());
        Response revoked = me(secret);
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.contentType().startsWith("application/json"), revoked.contentType());
        assertEquals(401, revoked.jsonPath().getInt("status"));
        assertEquals(0, tokens(email));
        assertEquals(1, audited("API_TOKEN_REVOKED", id));
    }

    @Test
    void expiredUnknownAndMalformedTokensGet401() {
        String email = WebSession.uniqueEmail("token-expiry");
        WebSession owner = WebSession.signedUp(email, Map.of());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String lastDay = secretOf(create(owner, "until today", today.toString()));
        assertEquals(200, me(lastDay).statusCode(), "works through its last day");
        long id = idOf(lastDay);
        assertTrue(owner.page(PAGE).select("#api-token-" + id).text().contains("End of " + today));

        QuarkusTransaction.requiringNew().run(
                () -> ApiToken.update("expiresAt = ?1 where id = ?2", Instant.now().minusSeconds(1), id));
        assertEquals(401, me(lastDay).statusCode(), "expired");
        assertTrue(owner.page(PAGE).select("#api-token-" + id).text().contains("Expired"));

        assertEquals(401, me(lastDay + "x").statusCode(), "unknown");
        assertEquals(401, me("bw_").statusCode());
        assertEquals(401, me("not-a-token").statusCode());
        assertEquals(401, given().header("Authorization", "Bearer").get("/api/v1/me").statusCode());
        assertEquals(401, given().header("Authorization", "Bearer " + "a".repeat(5000)).get("/api/v1/me").statusCode());
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        String email = WebSession.uniqueEmail("token-bad");
        WebSession owner = WebSession.signedUp(email, Map.of());
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        Map<String, String> cases = Map.of(
                "", "name",
                "x".repeat(ApiTokens.MAX_NAME_LENGTH + 1), "name",
                "ci\rjob", "name",
                "ci\u202Ebog", "name",
                "\u200B", "name");
        cases.forEach((name, field) -> {
            Response refused = create(owner, name, "");
            assertEquals(400, refused.statusCode());
            assertFalse(Jsoup.parse(refused.asString()).select("#name-error").text().isEmpty());
        });
        Response past = create(owner, "past", yesterday);
        assertEquals(400, past.statusCode());
        Document pastPage = Jsoup.parse(past.asString());
        assertTrue(pastPage.select("#expiresOn-error").text().contains("passed"), pastPage.select("#expiresOn-error").text());
        assertEquals("past", pastPage.select("input#name").attr("value"), "shown back as typed");
        Response garbage = create(owner, "<b>garbage</b>", "31/12/2030");
        assertEquals(400, garbage.statusCode());
        Document garbagePage = Jsoup.parse(garbage.asString());
        assertFalse(garbagePage.select("#expiresOn-error").text().isEmpty());
        assertEquals("<b>garbage</b>", garbagePage.select("input#name").attr("value"), "escaped, as typed");
        assertEquals(400, create(owner, "far", "99999-01-01").statusCode());
        Response both = create(owner, "", "soon");
        assertEquals(2, Jsoup.parse(both.asString()).select(".error-summary li").size());
        assertEquals(0, tokens(email), "nothing saved");

        secretOf(create(owner, "ci", ""));
        Response duplicate = create(owner, "ci", "");
        assertEquals(400, duplicate.statusCode());
        assertTrue(Jsoup.parse(duplicate.asString()).select("#name-error").text().contains("already"));
        for (int i = 1; i < ApiTokens.MAX_PER_PERSON; i++) {
            secretOf(create(owner, "script " + i, ""));
        }
        Response tooMany = create(owner, "one more", "");
        assertEquals(400, tooMany.statusCode());
        assertTrue(Jsoup.parse(tooMany.asString()).select("#name-error").text().contains("Revoke one"));
        assertEquals(ApiTokens.MAX_PER_PERSON, tokens(email));
    }

    @Test
    void nobodyRevokesSomeoneElsesTokenAndDeactivationOrDeletionEndsTokens() {
        String ownerEmail = WebSession.uniqueEmail("token-victim");
        WebSession owner = WebSession.signedUp(ownerEmail, Map.of());
        String secret = secretOf(create(owner, "mine", ""));
        long id = idOf(secret);
        WebSession other = WebSession.signedUp(WebSession.uniqueEmail("token-other"), Map.of());
        String othersSecret = secretOf(create(other, "theirs", ""));

        assertEquals(404, other.submit(PAGE, PAGE + "/" + id + "/revoke", Map.of()).statusCode());
        assertEquals(404, given().header("Authorization", "Bearer " + othersSecret)
                .delete("/api/v1/me/api-tokens/" + id).statusCode());
        assertFalse(other.page(PAGE).outerHtml().contains("mine"), "only my own tokens are listed");
        assertEquals(200, me(secret).statusCode(), "still works");

        long personId = WebSession.idOf(ownerEmail);
        QuarkusTransaction.requiringNew().run(() -> Person.update("active = false where id = ?1", personId));
        assertEquals(401, me(secret).statusCode(), "a deactivated account's tokens do not work");
        QuarkusTransaction.requiringNew().run(() -> Person.update("active = true where id = ?1", personId));
        assertEquals(200, me(secret).statusCode());

        assertEquals(204, given().header("Authorization", "Bearer " + secret)
                .delete("/api/v1/me/api-tokens/" + id).statusCode(), "revoked through the API");
        assertEquals(401, me(secret).statusCode());

        String second = secretOf(create(owner, "second", ""));
        assertEquals(303, owner.submit("/profile/delete", "/profile/delete", Map.of("confirmEmail", ownerEmail))
                .statusCode());
        assertEquals(0, tokens(ownerEmail));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(
                () -> ApiToken.count("tokenHash", Passwords.sha256(second))), "deleted with the account");
        assertEquals(401, me(second).statusCode());
    }

    @Test
    void aSessionAloneMakesNoTokenTheCurrentPasswordIsNeededAndGuessingItIsThrottled() {
        String email = WebSession.uniqueEmail("token-stolen-session");
        WebSession thief = WebSession.signedUp(email, Map.of()); // as good as the owner's cookie
        Response missing = thief.submit(PAGE, PAGE, Map.of("name", "backdoor", "expiresOn", ""));
        assertEquals(400, missing.statusCode());
        assertTrue(Jsoup.parse(missing.asString()).select("#password-error").text().contains("current password"));
        assertEquals("backdoor", Jsoup.parse(missing.asString()).select("input#name").attr("value"), "kept as typed");
        assertTrue(Jsoup.parse(missing.asString()).select("input#password").attr("value").isEmpty(), "never echoed");
        for (int i = 0; i < 5; i++) {
            Response wrong = thief.submit(PAGE, PAGE, Map.of("name", "backdoor", "expiresOn", "", "password", "guess-" + i));
            assertEquals(400, wrong.statusCode(), "guess " + i);
            assertTrue(Jsoup.parse(wrong.asString()).select("#password-error").text().contains("not your current password"));
        }
        Response throttled = thief.submit(PAGE, PAGE,
                Map.of("name", "backdoor", "expiresOn", "", "password", WebSession.PASSWORD));
        assertEquals(429, throttled.statusCode(), "the sign-in throttle counts these guesses");
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);
        assertTrue(Jsoup.parse(throttled.asString()).select("#password-error").text().contains("Try again in"));
        assertEquals(0, tokens(email), "nothing made");
    }

    @Test
    void anAccountWithoutAPasswordMakesATokenOnlyRightAfterItsCompanySignIn() {
        String email = WebSession.uniqueEmail("token-company");
        WebSession fresh = WebSession.signedUp(email, Map.of());
        long personId = WebSession.idOf(email);
        QuarkusTransaction.requiringNew().run(() -> Person.update("passwordHash = null where id = ?1", personId));
        Document page = fresh.page(PAGE);
        assertTrue(page.select("input#password").isEmpty(), "no password to ask for");
        assertFalse(page.select("#token-needs-recent-sign-in").isEmpty());
        assertEquals(200, fresh.submit(PAGE, PAGE, Map.of("name", "fresh", "expiresOn", "")).statusCode(),
                "signed in a moment ago");

        Instant now = Instant.now();
        int version = QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(personId).sessionVersion);
        var stale = new SessionTokens.SessionToken(personId, version, now.minus(Duration.ofMinutes(11)), now);
        WebSession old = new WebSession().withCookie(SessionCookie.NAME, sessionTokens.encode(stale));
        Response refused = old.submit(PAGE, PAGE, Map.of("name", "stale", "expiresOn", ""));
        assertEquals(400, refused.statusCode());
        assertTrue(Jsoup.parse(refused.asString()).select(".error-summary").text().contains("sign in again"));
        assertEquals(1, tokens(email));
    }

    /** Resets the person's password through the reset page, with a stored link as the mailed one would be. */
    public static void resetPassword(long personId) {
        String link = "known-reset-token-" + personId;
        QuarkusTransaction.requiringNew().run(() -> {
            PasswordReset reset = new PasswordReset();
            reset.person = Person.findById(personId);
            reset.tokenHash = Passwords.sha256(link);
            reset.createdAt = Instant.now();
            reset.expiresAt = reset.createdAt.plus(PasswordService.RESET_VALID_FOR);
            reset.persist();
        });
        String replacement = "a-brand-new-passphrase-43";
        Response reset = new WebSession().submit("/password/reset?token=" + link, "/password/reset",
                Map.of("token", link, "password", replacement, "confirmation", replacement));
        assertEquals(303, reset.statusCode(), reset.asString());
    }

    @Test
    void aPasswordResetRevokesEveryToken() {
        String email = WebSession.uniqueEmail("token-reset");
        WebSession owner = WebSession.signedUp(email, Map.of());
        String first = secretOf(create(owner, "one", ""));
        String second = secretOf(create(owner, "two", ""));
        resetPassword(WebSession.idOf(email));
        assertEquals(401, me(first).statusCode(), "whoever took the account loses what they made with it");
        assertEquals(401, me(second).statusCode());
        assertEquals(0, tokens(email));
    }

    @Test
    void aPasswordChangeKeepsTokensAndABearerTokenOpensNoPage() {
        String email = WebSession.uniqueEmail("token-password");
        WebSession owner = WebSession.signedUp(email, Map.of());
        String secret = secretOf(create(owner, "kept", ""));
        String replacement = "a-brand-new-passphrase-42";
        assertEquals(303, owner.submit("/password/change", "/password/change",
                Map.of("current", WebSession.PASSWORD, "password", replacement, "confirmation", replacement))
                .statusCode());
        assertEquals(200, me(secret).statusCode(), "tokens are separate credentials, revoked one by one");
        assertEquals(302, given().redirects().follow(false).header("Authorization", "Bearer " + secret)
                .get("/profile").statusCode(), "pages need the session cookie");
    }
}
