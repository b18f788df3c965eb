package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Production-like settings, {@code bridgeway.http.https-only} (the prod default) and an https
 * {@code bridgeway.public-url}: HSTS, the cookies we set are Secure, and the API document names that address.
 */
@QuarkusTest
@TestProfile(HttpsOnlyHeadersTest.HttpsOnly.class)
class HttpsOnlyHeadersTest {

    @Inject
    MockMailbox mailbox;

    static final String PUBLIC_URL = "https://bridgeway.example.com";

    public static class HttpsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Set as system properties, which the strictly validated bridgeway.* mapping checks: a key read any
            // other way (@ConfigProperty) would fail this start with SRCFG00050, as public-url once did.
            return Map.of("bridgeway.http.https-only", "true", "bridgeway.public-url", PUBLIC_URL + "/",
                    "bridgeway.feedback.reminder-interval", "2h");
        }
    }

    @Test
    void hstsOnEveryResponseAndSecureCookies() {
        Response signup = RestAssured.get("/signup");
        assertEquals("max-age=31536000", signup.header("Strict-Transport-Security"));
        assertTrue(signup.getDetailedCookie("bw-csrf").isSecured(), "CSRF cookie is Secure");
        assertEquals("max-age=31536000", RestAssured.get("/css/bridgeway.css").header("Strict-Transport-Security"));

        Response signedUp = new WebSession().submit("/signup", "/signup",
                WebSession.validSignup(WebSession.uniqueEmail("https")));
        assertEquals(303, signedUp.statusCode(), signedUp.asString());
        assertTrue(signedUp.getDetailedCookie("bw-flash").isSecured(), "flash cookie is Secure");
    }

    @Test
    void theApiDocumentNamesThePublicAddressAsItsServer() {
        // Set at start by web.ApiDocumentServer, in both formats, without the configured trailing slash.
        RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body("servers.url", org.hamcrest.Matchers.contains(PUBLIC_URL));
        RestAssured.get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("- url: " + PUBLIC_URL + "\n"));
    }

    @Test
    void resetLinksStartWithThePublicAddress() {
        String email = WebSession.uniqueEmail("https-reset");
        WebSession.signedUp(email, Map.of());
        new WebSession().submit("/password/forgot", "/password/forgot", Map.of("email", email));
        String recipient = "\"Test Person\" <" + email + ">";
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(recipient) != null
                && !mailbox.getMailsSentTo(recipient).isEmpty());
        String text = mailbox.getMailsSentTo(recipient).get(0).getText();
        assertTrue(text.contains(PUBLIC_URL + "/password/reset?token="), text);
    }
}
