package io.bridgeway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session cookie cannot be forged, replayed after sign-out, or outlive its account or its lifetime. */
@QuarkusTest
class SessionCookieSecurityTest {

    @Inject
    SessionTokens tokens;

    static Response visitProfileWith(String cookieValue) {
        return given().redirects().follow(false).cookie(SessionCookie.NAME, cookieValue).get("/profile");
    }

    static void assertSignedOut(Response response) {
        assertEquals(302, response.statusCode(), "sent to the sign-in page");
        assertTrue(response.header("Location").startsWith("/login"), response.header("Location"));
    }

    static long idOf(String email) {
        return WebSession.idOf(email);
    }

    static int versionOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(email).sessionVersion);
    }

    @Test
    void aCookieSignedWithTheOnceCommittedKeyIsRejected() {
        long adminId = idOf("admin@bridgeway.local");
        SessionTokens forger = new SessionTokens("change-me-bridgeway-session-key-0123456789".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofMinutes(1));
        Response response = visitProfileWith(forger.encode(forger.issue(adminId, 0)));
        assertSignedOut(response);
        assertTrue(response.getHeaders().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(SessionCookie.NAME + "=;")),
                "the bad cookie is cleared");
    }

    @Test
    void aCookieWhosePersonIdWasEditedIsRejected() {
        WebSession session = WebSession.signedUp(WebSession.uniqueEmail("tamper"), Map.of());
        String cookie = session.cookie(SessionCookie.NAME);
        assertEquals(200, visitProfileWith(cookie).statusCode(), "the genuine cookie works");
        String[] parts = cookie.split("\\.");
        parts[1] = String.valueOf(idOf("admin@bridgeway.local"));
        assertSignedOut(visitProfileWith(String.join(".", parts)));
        assertSignedOut(visitProfileWith("garbage"));
    }

    @Test
    void aCopiedCookieIsDeadAfterSignOut() {
        WebSession session = WebSession.signedUp(WebSession.uniqueEmail("replay"), Map.of());
        String copy = session.cookie(SessionCookie.NAME);
        assertEquals(303, session.submit("/profile", "/logout", Map.of()).statusCode());
        assertSignedOut(visitProfileWith(copy));
    }

    @Test
    void signingOutEndsTheSessionOnEveryDevice() {
        String email = WebSession.uniqueEmail("devices");
        WebSession laptop = WebSession.signedUp(email, Map.of());
        WebSession phone = new WebSession();
        phone.login(email, WebSession.PASSWORD);
        assertEquals(200, phone.get("/profile").statusCode());
        laptop.submit("/profile", "/logout", Map.of());
        assertSignedOut(phone.get("/profile"));
    }

    @Test
    void aDeletedAccountsCookieDoesNotOpenANewAccountWithTheSameEmail() {
        String email = WebSession.uniqueEmail("reborn");
        WebSession old = WebSession.signedUp(email, Map.of());
        String oldCookie = old.cookie(SessionCookie.NAME);
        assertEquals(303, old.submit("/profile/delete", "/profile/delete", Map.of("confirmEmail", email)).statusCode());
        WebSession.signedUp(email, Map.of()); // someone registers the address again
        assertSignedOut(visitProfileWith(oldCookie));
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverActive() {
        String email = WebSession.uniqueEmail("absolute");
        WebSession.signedUp(email, Map.of());
        Instant now = Instant.now();
        var old = new SessionTokens.SessionToken(idOf(email), versionOf(email), now.minus(Duration.ofHours(12)).minusSeconds(5), now);
        assertSignedOut(visitProfileWith(tokens.encode(old)));
        var young = new SessionTokens.SessionToken(idOf(email), versionOf(email), now.minus(Duration.ofHours(11)), now);
        assertEquals(200, visitProfileWith(tokens.encode(young)).statusCode());
    }

    @Test
    void anIdleSessionEndsAfterThirtyMinutes() {
        String email = WebSession.uniqueEmail("idle");
        WebSession.signedUp(email, Map.of());
        Instant now = Instant.now();
        var idle = new SessionTokens.SessionToken(idOf(email), versionOf(email), now.minus(Duration.ofHours(1)),
                now.minus(Duration.ofMinutes(31)));
        assertSignedOut(visitProfileWith(tokens.encode(idle)));
    }

    @Test
    void anActiveSessionIsRenewedButKeepsItsSignInTime() {
        String email = WebSession.uniqueEmail("renew");
        WebSession.signedUp(email, Map.of());
        Instant now = Instant.now();
        Instant signIn = now.minus(Duration.ofHours(2));
        var token = new SessionTokens.SessionToken(idOf(email), versionOf(email), signIn, now.minus(Duration.ofMinutes(5)));
        Response response = visitProfileWith(tokens.encode(token));
        assertEquals(200, response.statusCode());
        String renewed = response.getCookie(SessionCookie.NAME);
        var decoded = tokens.decode(renewed).orElseThrow();
        assertEquals(signIn.getEpochSecond(), decoded.issuedAt().getEpochSecond(), "the absolute deadline does not move");
        assertTrue(decoded.lastSeen().isAfter(now.minusSeconds(5)), "the idle deadline does");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        WebSession session = new WebSession();
        String email = WebSession.uniqueEmail("flags");
        WebSession.signedUp(email, Map.of());
        Response login = session.login(email, WebSession.PASSWORD);
        assertEquals(303, login.statusCode());
        assertEquals("/profile", java.net.URI.create(login.header("Location")).getPath());
        String setCookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
    }

    @Test
    void signInReturnsToTheRequestedPageButNeverToAnotherSite() {
        String email = WebSession.uniqueEmail("next");
        WebSession.signedUp(email, Map.of());
        WebSession session = new WebSession();
        Response back = session.submit("/login", "/login",
                Map.of("email", email, "password", WebSession.PASSWORD, "next", "/programs"));
        assertEquals("/programs", java.net.URI.create(back.header("Location")).getPath());
        Response evil = new WebSession().submit("/login", "/login",
                Map.of("email", email, "password", WebSession.PASSWORD, "next", "//evil.example/x"));
        java.net.URI landing = java.net.URI.create(evil.header("Location"));
        assertEquals("localhost", landing.getHost(), "this site");
        assertEquals("/profile", landing.getPath());
    }

    @Test
    void signInAndSignOutFormsRequireTheCsrfToken() {
        String email = WebSession.uniqueEmail("csrf-login");
        WebSession.signedUp(email, Map.of());
        WebSession session = new WebSession();
        session.get("/login");
        Response noToken = session.post("/login", Map.of("email", email, "password", WebSession.PASSWORD));
        assertEquals(400, noToken.statusCode());
        assertTrue(!session.hasCookie(SessionCookie.NAME), "no session without the token");

        WebSession signedIn = WebSession.signedUp(WebSession.uniqueEmail("csrf-logout"), Map.of());
        assertEquals(400, signedIn.post("/logout", Map.of()).statusCode());
        assertEquals(200, signedIn.get("/profile").statusCode(), "still signed in");
    }
}
