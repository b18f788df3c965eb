package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The failed sign-ins are counted in the database: each test uses accounts and addresses of its own. */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    EntityManager em;

    Instant now = Instant.parse("2026-01-01T09:00:00Z");
    LoginThrottle throttle;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A node's throttle, with the test's clock. */
    LoginThrottle node() {
        LoginThrottle node = new LoginThrottle(5, 20, Duration.ofMinutes(15));
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
            throttle.recordFailure(email("ana"), address(1));
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
            throttle.recordFailure(email("cy"), address(2));
            other.recordFailure(email("cy"), address(3));
        }
        assertTrue(throttle.blockedFor(email("cy"), address(4)).isPresent(), "six failures over two nodes");
        assertTrue(other.blockedFor(email("cy"), address(4)).isPresent());
        other.recordSuccess(email("cy"));
        assertTrue(throttle.blockedFor(email("cy"), address(4)).isEmpty(), "a success on one node clears it for all");
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottledByAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(email("user" + i), address(5));
        }
        assertTrue(throttle.blockedFor(email("someone-new"), address(5)).isPresent());
        assertTrue(throttle.blockedFor(email("someone-new"), address(6)).isEmpty(), "other addresses are not affected");
    }

    @Test
    void aCorrectPasswordClearsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(email("bo"), address(7));
        }
        throttle.recordSuccess(email("bo"));
        throttle.recordFailure(email("bo"), address(7));
        assertTrue(throttle.blockedFor(email("bo"), address(7)).isEmpty());
    }

    @Test
    void failuresThatLeftTheWindowAreDeleted() {
        throttle.recordFailure(email("old"), address(8));
        tick(Duration.ofMinutes(16));
        throttle.purgeExpired(); // the every-minute job, also when nobody signs in
        assertEquals(0, rows("account:" + email("old")), "gone with every other key's old failures");
        throttle.recordFailure(email("new"), address(8));
        assertEquals(1, rows("account:" + email("new")));
    }

    @Test
    void aDeletedAccountsFailuresGoWithIt() {
        throttle.recordFailure(email("gone"), address(10));
        QuarkusTransaction.requiringNew().run(() -> throttle.forget(new PersonDeleted(1, email("gone"), "Gone")));
        assertEquals(0, rows("account:" + email("gone")));
        assertEquals(1, rows("address:" + address(10)), "the address's count is not the person's");
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
