package io.bridgeway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.bridgeway.audit.AuditEntry;
import io.bridgeway.people.Person;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Company sign-in against Quarkus's WireMock OpenID Connect provider: the code flow is followed by
 * hand (IdP redirect, callback with state and code, Quarkus's own clean-up redirect), and the token
 * endpoint answers with an ID token for whichever e-mail and groups the test chooses.
 */
@QuarkusTest
@TestProfile(CompanySignInTest.SsoOn.class)
class CompanySignInTest {

    public static class SsoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("bridgeway.sso.enabled", "true");
            config.put("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus");
            config.put("quarkus.oidc.client-id", CLIENT_ID);
            config.put("quarkus.oidc.credentials.secret", "a-client-secret-of-at-least-32-characters");
            config.put("bridgeway.sso.roles-claim", "groups");
            config.put("bridgeway.sso.role-map.bridgeway-admins", "ADMIN");
            config.put("bridgeway.sso.role-map.bridgeway-managers", "PROGRAM_MANAGER");
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    static final String CLIENT_ID = "bridgeway";
    static final String ISSUER = "https://server.example.com"; // what the mock provider's discovery document names

    @OidcWireMock
    WireMockServer provider;

    @Test
    void knownEmailSignsInWithAWorkingSessionAndNoLeftoverOidcCookie() {
        String email = WebSession.uniqueEmail("sso-known");
        long id = person(email, true, Set.of(Role.EMPLOYEE), null);
        WebSession browser = new WebSession();

        Response done = signInWithCompanyAccount(browser, email.toUpperCase(), List.of(), "/programs");

        assertEquals(303, done.statusCode(), done.asString());
        assertEquals("/programs", URI.create(done.header("Location")).getPath());
        assertTrue(browser.hasCookie(SessionCookie.NAME), "signed in with the usual session cookie");
        assertFalse(browser.hasCookie("q_session"), "the OIDC session is not kept after sign-in");
        Response profile = browser.get("/profile");
        assertEquals(200, profile.statusCode());
        assertTrue(Jsoup.parse(profile.asString()).select("button").text().contains("SSO Person"),
                "the layout shows the signed-in person");
        assertEquals(Set.of(Role.EMPLOYEE), roles(id), "no groups mapped: still an employee only");
    }

    @Test
    void unknownEmailIsRefusedWithAClearPageAndNothingIsCreated() {
        String email = WebSession.uniqueEmail("sso-unknown");
        WebSession browser = new WebSession();

        Response refused = signInWithCompanyAccount(browser, email, List.of("bridgeway-admins"), null);

        assertEquals(403, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertEquals("Not in Bridgeway yet", page.selectFirst("h1").text());
        assertTrue(page.text().contains("Your account is not in Bridgeway yet"), page.text());
        assertFalse(page.text().contains("Sign out"), "not shown as signed in");
        assertFalse(browser.hasCookie(SessionCookie.NAME));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(email)), "no account created");
    }

    @Test
    void deactivatedPersonIsRefused() {
        String email = WebSession.uniqueEmail("sso-leaver");
        person(email, false, Set.of(Role.EMPLOYEE), null);
        WebSession browser = new WebSession();

        Response refused = signInWithCompanyAccount(browser, email, List.of(), null);

        assertEquals(403, refused.statusCode());
        assertTrue(Jsoup.parse(refused.asString()).text().contains("deactivated"));
        assertFalse(browser.hasCookie(SessionCookie.NAME));
    }

    @Test
    void rolesFollowTheGroupsClaimAtEachSignInAndAreAudited() {
        String email = WebSession.uniqueEmail("sso-roles");
        long id = person(email, true, Set.of(Role.EMPLOYEE), null);

        WebSession first = new WebSession();
        assertEquals(303, signInWithCompanyAccount(first, email, List.of("bridgeway-admins", "engineering"), null).statusCode());
        assertEquals(Set.of(Role.EMPLOYEE, Role.ADMIN), roles(id));
        assertEquals(200, first.get("/admin/audit").statusCode(), "the new admin role works at once");
        String details = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "action = ?1 and subjectId = ?2 order by id desc", "SSO_ROLES_CHANGED", id).firstResult().details);
        assertTrue(details.contains("granted ADMIN"), details);

        WebSession second = new WebSession();
        assertEquals(303, signInWithCompanyAccount(second, email, List.of("bridgeway-managers"), null).statusCode());
        assertEquals(Set.of(Role.EMPLOYEE, Role.PROGRAM_MANAGER), roles(id), "ADMIN revoked, PROGRAM_MANAGER granted");
        assertEquals(403, second.get("/admin/audit").statusCode());
    }

    @Test
    void passwordSignInStillWorksAndTheLoginPageOffersTheCompanyAccount() {
        String email = WebSession.uniqueEmail("sso-password");
        person(email, true, Set.of(Role.EMPLOYEE), Passwords.hash(WebSession.PASSWORD));
        WebSession browser = new WebSession();

        Document login = browser.page("/login?next=/programs");
        assertEquals("/sso/login?next=%2Fprograms",
                login.select("a:contains(Sign in with your company account)").attr("href"));

        Response signedIn = browser.login(email, WebSession.PASSWORD);
        assertEquals(303, signedIn.statusCode(), signedIn.asString());
        assertEquals(200, browser.get("/profile").statusCode());
    }

    @Test
    void oidcDoesNotTakeOverOtherPages() {
        Response anonymous = new WebSession().get("/profile");
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.header("Location").startsWith("/login"), "still sent to Bridgeway's own sign-in page");
        assertEquals(401, new WebSession().get("/api/v1/me").statusCode());
    }

    /** A cancelled sign-in at the provider, and a code the provider then fails to exchange. */
    @Test
    void providerErrorsLeadBackToTheSignInPage() {
        WebSession browser = new WebSession();
        Response toProvider = browser.get("/sso/login");
        String state = query(URI.create(toProvider.header("Location"))).get("state");

        Response cancelled = browser.get("/sso/login?state=" + state + "&error=access_denied");
        assertEquals(302, cancelled.statusCode(), cancelled.asString());
        URI back = URI.create(cancelled.header("Location"));
        assertEquals("/login", back.getPath());
        Document page = browser.page(back.getPath() + "?" + back.getQuery());
        assertTrue(page.select(".error-summary").text().contains("Company sign-in did not complete"), page.text());

        provider.stubFor(post("/auth/realms/quarkus/token").withRequestBody(containing("authorization_code"))
                .willReturn(aResponse().withStatus(500)));
        toProvider = browser.get("/sso/login");
        state = query(URI.create(toProvider.header("Location"))).get("state");
        Response failed = browser.get("/sso/login?state=" + state + "&code=c0de");
        assertEquals(303, failed.statusCode(), "never an error 500");
        assertEquals("/login?error=sso_unavailable", failed.header("Location"));
        page = browser.page(failed.header("Location"));
        assertTrue(page.select(".error-summary").text().contains("Company sign-in is not available right now"));
        assertFalse(page.select("form[action=/login]").isEmpty(), "the password form is still there");
    }

    /** Runs the code flow for an ID token carrying {@code email} and {@code groups}; returns /sso/login's answer. */
    private Response signInWithCompanyAccount(WebSession browser, String email, List<String> groups, String next) {
        provider.stubFor(post("/auth/realms/quarkus/token").withRequestBody(containing("authorization_code"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + idToken(email, groups) + "\",\"id_token\":\""
                                + idToken(email, groups) + "\"}")));

        Response toProvider = browser.get(next == null ? "/sso/login" : "/sso/login?next=" + next);
        assertEquals(302, toProvider.statusCode(), toProvider.asString());
        URI authorize = URI.create(toProvider.header("Location"));
        assertTrue(authorize.toString().startsWith(provider.baseUrl()), authorize.toString());
        Map<String, String> query = query(authorize);
        assertNotNull(query.get("state"));

        // What the provider does after the person signs in: back to the redirect URI with a code.
        String callback = URI.create(query.get("redirect_uri")).getPath() + "?state=" + query.get("state") + "&code=c0de";
        Response afterCallback = browser.get(callback);
        assertEquals(302, afterCallback.statusCode(), afterCallback.asString());
        URI original = URI.create(afterCallback.header("Location"));
        assertEquals("/sso/login", original.getPath(), "Quarkus strips the code and restores the original request");
        return browser.get(original.getPath() + (original.getQuery() == null ? "" : "?" + original.getQuery()));
    }

    private static String idToken(String email, List<String> groups) {
        return Jwt.issuer(ISSUER).audience(CLIENT_ID).subject("sub-" + email).claim("email", email)
                .claim("email_verified", true).groups(Set.copyOf(groups)).jws().keyId("1").sign("privateKey.jwk");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** A person as the HR import leaves them: no self-filled profile, possibly no password. */
    private static long person(String email, boolean active, Set<String> roles, String passwordHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person person = new Person();
            person.email = Person.normalizeEmail(email);
            person.fullName = "SSO Person";
            person.active = active;
            person.passwordHash = passwordHash;
            person.roles.addAll(roles);
            person.persist();
            return person.id;
        });
    }

    private static Set<String> roles(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Set.copyOf(Person.<Person>findById(id).roles));
    }
}
