package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.PersonDeleted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The failed sign-ins are counted in the database: each test uses accounts and addresses of its own. */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    EntityManager em;

    /**
     * Starts at the real time: the app's purge job (every minute, on the system clock) deletes failures older than the
     * window, and took a fixed past date's rows in the middle of a test (CI on PostgreSQL, 2 Dec 2026).
     */
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    LoginThrottle throttle;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A node's throttle, with the test's clock. */
    LoginThrottle node() {
        LoginThrottle node = new LoginThrottle(5, 20, Duration.ofMinutes(15), Duration.ofDays(30));
        node.em = em;
        node.clock = Clock.fixed(now, ZoneOffset.UTC);
        return node;
    }

    @BeforeEach
    void fixClock() {
        throttle = node();
    }

    void tick(Duration by) {
        now = now.plus(by);
        throttle.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    String email(String name) {
        return name + "-" + run + "@example.com";
    }

    String address(int n) {
        return "10." + run + "." + n;
    }

    @Test
    void theSixthWrongPasswordInAMinuteIsThrottledUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.blockedFor(email("ana"), address(1)).isEmpty(), "attempt " + (i + 1) + " is allowed");
            fail(throttle, email("ana"), address(1));
            tick(Duration.ofSeconds(10));
        }
        Optional<Duration> wait = throttle.blockedFor(" " + email("ANA"), address(9));
        assertEquals(Optional.of(Duration.ofMinutes(15).minusSeconds(50)), wait, "by account, whatever the address or case");
        assertEquals("15 minutes", LoginThrottle.inWords(wait.get()));
        tick(Duration.ofMinutes(15).minusSeconds(50));
        assertTrue(throttle.blockedFor(email("ana"), address(1)).isEmpty(), "free once the first failure is 15 minutes old");
    }

    @Test
    void failuresOnOneNodeCountOnEveryNode() {
        LoginThrottle other = node();
        for (int i = 0; i < 3; i++) {
            fail(throttle, email("cy"), address(2));
        }
        fail(other, email("cy"), address(3));
        assertTrue(throttle.blockedFor(email("cy"), address(4)).isEmpty(), "four failures over two nodes");
        fail(other, email("cy"), address(3));
        assertTrue(throttle.blockedFor(email("cy"), address(4)).isPresent(), "five failures over two nodes");
        assertTrue(other.blockedFor(email("cy"), address(4)).isPresent());
        assertInstanceOf(LoginThrottle.Refused.class, throttle.admit(email("cy"), address(4)));
        assertEquals(5, rows("account:" + email("cy")), "a refused attempt is not counted");
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottledByAddress() {
        for (int i = 0; i < 20; i++) {
            fail(throttle, email("user" + i), address(5));
        }
        assertTrue(throttle.blockedFor(email("someone-new"), address(5)).isPresent());
        assertTrue(throttle.blockedFor(email("someone-new"), address(6)).isEmpty(), "other addresses are not affected");
    }

    @Test
    void colleaguesWhoSignedInFromAnAddressAreNotLockedOutByOthersFailuresThere() {
        String office = address(20); // one NAT address for a whole office
        LoginThrottle.Admitted ana = assertInstanceOf(LoginThrottle.Admitted.class, throttle.admit(email("ana"), office));
        throttle.succeeded(ana, email("ana"), office);
        tick(Duration.ofDays(1));
        for (int i = 0; i < 20; i++) {
            fail(throttle, email("typo" + i), office);
        }
        assertInstanceOf(LoginThrottle.Refused.class, throttle.admit(email("stranger"), office),
                "an account never signed in from here is held up: password spraying from one address stays throttled");
        assertTrue(throttle.blockedFor(email("ana"), office).isEmpty());
        LoginThrottle.Admitted again = assertInstanceOf(LoginThrottle.Admitted.class, throttle.admit(email("ana"), office),
                "ana signed in from here yesterday");
        throttle.succeeded(again, email("ana"), office);
        for (int i = 0; i < 5; i++) {
            fail(throttle, email("ana"), office);
        }
        assertInstanceOf(LoginThrottle.Refused.class, throttle.admit(email("ana"), office), "her own limit still holds");

        LoginThrottle.Admitted bo = assertInstanceOf(LoginThrottle.Admitted.class, throttle.admit(email("bo"), address(21)));
        throttle.succeeded(bo, email("bo"), address(21));
        tick(Duration.ofDays(30));
        for (int i = 0; i < 20; i++) {
            fail(throttle, email("late" + i), address(21));
        }
        assertInstanceOf(LoginThrottle.Refused.class, throttle.admit(email("bo"), address(21)),
                "known for 30 days, then an address like any other");
        throttle.purgeExpired();
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from login_known_address where account_key = ?1").setParameter(1, "account:" + email("bo"))
                .getSingleResult()).longValue()), "forgotten once older than the period");
    }

    @Test
    void aCorrectPasswordClearsTheFailuresFromItsOwnAddressOnly() {
        LoginThrottle other = node();
        fail(throttle, email("bo"), address(7)); // the owner's typos
        fail(throttle, email("bo"), address(7));
        fail(other, email("bo"), address(11)); // a guesser's
        fail(other, email("bo"), address(11));
        LoginThrottle.Admitted owner = assertInstanceOf(LoginThrottle.Admitted.class, throttle.admit(email("bo"), address(7)));
        assertEquals(5, rows("account:" + email("bo")), "counted before its password is checked");
        throttle.succeeded(owner, email("bo"), address(7));
        assertEquals(2, rows("account:" + email("bo")), "the guesser's failures stay, on every node");
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(LoginThrottle.Admitted.class, other.admit(email("bo"), address(11)), "guess " + (i + 3));
        }
        assertInstanceOf(LoginThrottle.Refused.class, other.admit(email("bo"), address(11)),
                "the owner's sign-in gave the guesser no fresh start");
    }

    @Test
    void parallelGuessesGetNoMoreChecksThanTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<LoginThrottle.Admission>> burst = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String from = address(100 + i % 10); // within the per-address limit
                burst.add(pool.submit(() -> throttle.admit(email("par"), from)));
            }
            long admitted = 0;
            for (Future<LoginThrottle.Admission> attempt : burst) {
                admitted += attempt.get() instanceof LoginThrottle.Admitted ? 1 : 0;
            }
            assertTrue(admitted <= 5, admitted + " of 40 parallel guesses were admitted");
            assertEquals(admitted, rows("account:" + email("par")), "only the admitted attempts are counted");
            while (throttle.admit(email("par"), address(99)) instanceof LoginThrottle.Admitted) {
                admitted++;
            }
            assertEquals(5, admitted, "the limit, and not one more, over the burst and the attempts after it");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failuresThatLeftTheWindowAreDeleted() {
        fail(throttle, email("old"), address(8));
        tick(Duration.ofMinutes(16));
        throttle.purgeExpired(); // the every-minute job, also when nobody signs in
        assertEquals(0, rows("account:" + email("old")), "gone with every other key's old failures");
        fail(throttle, email("new"), address(8));
        assertEquals(1, rows("account:" + email("new")));
    }

    @Test
    void aDeletedAccountsFailuresGoWithIt() {
        fail(throttle, email("gone"), address(10));
        QuarkusTransaction.requiringNew().run(() -> throttle.forget(new PersonDeleted(1, email("gone"), "Gone")));
        assertEquals(0, rows("account:" + email("gone")));
        assertEquals(1, rows("address:" + address(10)), "the address's count is not the person's");
    }

    /** A wrong password: an attempt admitted and never succeeded. */
    static void fail(LoginThrottle node, String email, String address) {
        assertInstanceOf(LoginThrottle.Admitted.class, node.admit(email, address));
    }

    long rows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from login_failure where failure_key = ?1").setParameter(1, key).getSingleResult())
                .longValue());
    }

    @Test
    void waitsAreRoundedUpToWholeMinutes() {
        assertEquals("1 minute", LoginThrottle.inWords(Duration.ofSeconds(5)));
        assertEquals("2 minutes", LoginThrottle.inWords(Duration.ofSeconds(61)));
    }
}
