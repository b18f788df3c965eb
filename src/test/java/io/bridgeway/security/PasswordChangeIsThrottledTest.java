package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.people.Person;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A session is no licence to guess the current password: the change form is throttled like sign-in. */
@QuarkusTest
class PasswordChangeIsThrottledTest {

    @Inject
    BridgewayConfig config;

    @Test
    void wrongCurrentPasswordsBlockTheFormEvenForTheRightOneAndNothingChanges() {
        String email = WebSession.uniqueEmail("change-guess");
        WebSession session = WebSession.signedUp(email, Map.of());
        String hashBefore = passwordHash(email);
        int limit = config.login().maxFailuresPerAccount();
        for (int i = 0; i < limit; i++) {
            Response wrong = change(session, "wrong-guess-" + i);
            assertEquals(400, wrong.statusCode(), "guess " + (i + 1));
            assertEquals("That is not your current password.", currentError(wrong));
        }

        Response blocked = change(session, WebSession.PASSWORD);
        assertEquals(429, blocked.statusCode(), "the right password is refused while blocked");
        assertTrue(Integer.parseInt(blocked.header("Retry-After")) > 0, blocked.header("Retry-After"));
        assertEquals("Too many wrong passwords; try again in " + LoginThrottle.inWords(config.login().window()) + ".",
                currentError(blocked));
        assertTrue(Jsoup.parse(blocked.asString()).select("form[action=/password/change]").size() == 1,
                "the form is shown again");

        String hashAfter = passwordHash(email);
        assertEquals(hashBefore, hashAfter, "the password is unchanged");
        assertTrue(Passwords.matches(WebSession.PASSWORD, hashAfter));
        assertEquals(200, session.get("/profile").statusCode(), "and the session was not ended");
    }

    static Response change(WebSession session, String current) {
        return session.submit("/password/change", "/password/change",
                Map.of("current", current, "password", PasswordChangeAndResetTest.NEW_PASSWORD,
                "confirmation", PasswordChangeAndResetTest.NEW_PASSWORD));
    }

    static String currentError(Response response) {
        return Jsoup.parse(response.asString()).select("#current-error").text().replace("Error: ", "");
    }

    static String passwordHash(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(email).passwordHash);
    }
}
