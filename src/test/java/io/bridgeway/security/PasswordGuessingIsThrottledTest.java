package io.bridgeway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Five wrong passwords for an account block the sixth attempt, even a right one, for form and API alike. */
@QuarkusTest
class PasswordGuessingIsThrottledTest {

    @Test
    void theSixthSignInAfterFiveWrongPasswordsIsRefusedWithAWait() {
        String email = WebSession.uniqueEmail("guess-form");
        WebSession.signedUp(email, Map.of());
        WebSession attacker = new WebSession();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, attacker.login(email, "wrong-password-" + i).statusCode());
        }
        Response sixth = attacker.login(email, WebSession.PASSWORD);
        assertEquals(429, sixth.statusCode());
        assertTrue(Integer.parseInt(sixth.header("Retry-After")) > 800, sixth.header("Retry-After"));
        String message = Jsoup.parse(sixth.asString()).select(".error-summary").text();
        assertEquals("Too many attempts. Try again in 15 minutes.", message);
        assertTrue(!attacker.hasCookie(SessionCookie.NAME));
        given().auth().preemptive().basic(email, WebSession.PASSWORD).get("/api/v1/me").then().statusCode(429);
    }

    @Test
    void basicAuthGuessingGets429WithRetryAfterAndAJsonMessage() {
        String email = WebSession.uniqueEmail("guess-api");
        WebSession.signedUp(email, Map.of());
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(email, "wrong-password-" + i).get("/api/v1/me").then().statusCode(401);
        }
        Response throttled = given().auth().preemptive().basic(email, WebSession.PASSWORD).get("/api/v1/me");
        assertEquals(429, throttled.statusCode());
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);
        assertEquals("Too many failed sign-ins. Try again in 15 minutes.", throttled.jsonPath().getString("error"));
    }

    @Test
    void parallelGuessesGetNoMoreAnswersThanTheLimit() throws Exception {
        String email = WebSession.uniqueEmail("guess-parallel");
        WebSession.signedUp(email, Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String guess = "wrong-password-" + i;
                guesses.add(pool.submit(() -> given().auth().preemptive().basic(email, guess).get("/api/v1/me").statusCode()));
            }
            Map<Integer, Long> statuses = new TreeMap<>();
            for (Future<Integer> guess : guesses) {
                statuses.merge(guess.get(), 1L, Long::sum);
            }
            assertTrue(statuses.getOrDefault(401, 0L) <= 5, "at most five guesses were checked: " + statuses);
            assertEquals(40, statuses.getOrDefault(401, 0L) + statuses.getOrDefault(429, 0L), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().preemptive().basic(email, WebSession.PASSWORD).get("/api/v1/me").then().statusCode(429);
    }

    @Test
    void unknownAccountsGetTheSameAnswerAsWrongPasswords() {
        WebSession session = new WebSession();
        Response unknown = session.login(WebSession.uniqueEmail("nobody"), "any-password-at-all");
        String email = WebSession.uniqueEmail("known");
        WebSession.signedUp(email, Map.of());
        Response wrong = new WebSession().login(email, "any-password-at-all");
        assertEquals(wrong.statusCode(), unknown.statusCode());
        assertEquals(Jsoup.parse(wrong.asString()).select(".error-summary").text(),
                Jsoup.parse(unknown.asString()).select(".error-summary").text());
    }
}
