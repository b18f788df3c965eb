package io.bridgeway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bridgeway.people.Person;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic remembers a successful check briefly (no bcrypt per call), but never past a password change,
 * deactivation or role change: the account is re-read on every call and the remembered entry is keyed by the
 * stored password hash.
 */
@QuarkusTest
class BasicAuthCacheTest {

    private static int me(String email, String password) {
        return given().auth().preemptive().basic(email, password).get("/api/v1/me").statusCode();
    }

    @Test
    void theOldPasswordStopsWorkingTheMomentItIsChanged() {
        String email = WebSession.uniqueEmail("basic-cache");
        WebSession browser = WebSession.signedUp(email, Map.of());
        assertEquals(200, me(email, WebSession.PASSWORD));
        assertEquals(200, me(email, WebSession.PASSWORD), "remembered");
        assertEquals(401, me(email, WebSession.PASSWORD + "x"), "a wrong password is never taken for a cached one");

        String replacement = "another-long-passphrase-7";
        assertEquals(303, browser.submit("/password/change", "/password/change",
                Map.of("current", WebSession.PASSWORD, "password", replacement, "confirmation", replacement))
                .statusCode());
        assertEquals(401, me(email, WebSession.PASSWORD), "the old password is refused at once");
        assertEquals(200, me(email, replacement));
    }

    @Test
    void deactivationAndRoleChangesApplyToTheNextCall() {
        String email = WebSession.uniqueEmail("basic-cache-roles");
        WebSession.signedUp(email, Map.of());
        long id = WebSession.idOf(email);
        assertEquals(200, me(email, WebSession.PASSWORD));
        assertEquals(403, given().auth().preemptive().basic(email, WebSession.PASSWORD).get("/api/v1/analytics")
                .statusCode());
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findById(id).roles.add(Role.PROGRAM_MANAGER));
        assertEquals(200, given().auth().preemptive().basic(email, WebSession.PASSWORD).get("/api/v1/analytics")
                .statusCode(), "the new role counts at once");

        QuarkusTransaction.requiringNew().run(() -> Person.update("active = false where id = ?1", id));
        assertEquals(401, me(email, WebSession.PASSWORD), "a deactivated account is refused at once");
    }

    @Test
    void aRememberedCallDoesNotWipeFailedGuesses() {
        String email = WebSession.uniqueEmail("basic-cache-guesses");
        WebSession.signedUp(email, Map.of());
        assertEquals(200, me(email, WebSession.PASSWORD));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, me(email, "wrong-guess-" + i));
        }
        assertEquals(200, me(email, WebSession.PASSWORD), "remembered: no bcrypt and no write");
        assertEquals(401, me(email, "wrong-guess-5"));
        assertEquals(429, me(email, WebSession.PASSWORD),
                "the five guesses still count: a cached call by the owner does not reset them for the guesser");
    }
}
