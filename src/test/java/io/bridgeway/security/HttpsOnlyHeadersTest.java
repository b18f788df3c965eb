package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code bridgeway.http.https-only} (the prod default): HSTS, and the cookies we set are Secure. */
@QuarkusTest
@TestProfile(HttpsOnlyHeadersTest.HttpsOnly.class)
class HttpsOnlyHeadersTest {

    public static class HttpsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bridgeway.http.https-only", "true");
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
}
