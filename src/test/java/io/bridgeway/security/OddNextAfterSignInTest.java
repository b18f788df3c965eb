package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A {@code next} that is no valid URI (a space, a stray '%') sends the browser to its landing page, never a 500. */
@QuarkusTest
class OddNextAfterSignInTest {

    @Test
    void signingInWithAnOddNextLandsOnTheProfile() {
        String email = WebSession.uniqueEmail("oddnext");
        WebSession.signedUp(email, Map.of());
        for (String next : new String[] {"/a b", "/a%zz", "/a|b", "/a{b}", "/a\"b", "/a\u00a0b"}) {
            Response response = new WebSession().submit("/login", "/login",
                    Map.of("email", email, "password", WebSession.PASSWORD, "next", next));
            assertEquals(303, response.statusCode(), next + ": " + response.asString());
            assertEquals("/profile", response.header("Location").replaceFirst("^https?://[^/]+", ""), next);
        }
    }

    @Test
    void whenSignedInAlreadyAnOddNextLandsOnTheProfile() {
        WebSession session = WebSession.signedUp(WebSession.uniqueEmail("oddnext-in"), Map.of());
        for (String next : new String[] {"%2Fa%20b", "%2Fa%25zz", "%2Fa%7Cb"}) {
            Response response = session.request().urlEncodingEnabled(false).get("/login?next=" + next);
            assertEquals(303, response.statusCode(), next);
            assertEquals("/profile", response.header("Location").replaceFirst("^https?://[^/]+", ""), next);
        }
        Response kept = session.request().urlEncodingEnabled(false).get("/login?next=%2Fprograms%3Fpage%3D2");
        assertEquals("/programs?page=2", kept.header("Location").replaceFirst("^https?://[^/]+", ""));
    }
}
