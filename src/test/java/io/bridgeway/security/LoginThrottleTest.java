package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    Instant now = Instant.parse("2026-12-01T09:00:00Z");
    LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(15));

    @BeforeEach
    void fixClock() {
        tick(Duration.ZERO);
    }

    void tick(Duration by) {
        now = now.plus(by);
        throttle.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    @Test
    void theSixthWrongPasswordInAMinuteIsThrottledUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.blockedFor("ana@example.com", "10.0.0.1").isEmpty(), "attempt " + (i + 1) + " is allowed");
            throttle.recordFailure("ana@example.com", "10.0.0.1");
            tick(Duration.ofSeconds(10));
        }
        Optional<Duration> wait = throttle.blockedFor("ANA@example.com ", "10.0.0.9");
        assertEquals(Optional.of(Duration.ofMinutes(15).minusSeconds(50)), wait, "by account, whatever the address or case");
        assertEquals("15 minutes", LoginThrottle.inWords(wait.get()));
        tick(Duration.ofMinutes(15).minusSeconds(50));
        assertTrue(throttle.blockedFor("ana@example.com", "10.0.0.1").isEmpty(), "free once the first failure is 15 minutes old");
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottledByAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i + "@example.com", "10.0.0.2");
        }
        assertTrue(throttle.blockedFor("someone-new@example.com", "10.0.0.2").isPresent());
        assertTrue(throttle.blockedFor("someone-new@example.com", "10.0.0.3").isEmpty(), "other addresses are not affected");
    }

    @Test
    void aCorrectPasswordClearsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("bo@example.com", "10.0.0.4");
        }
        throttle.recordSuccess("bo@example.com");
        throttle.recordFailure("bo@example.com", "10.0.0.4");
        assertTrue(throttle.blockedFor("bo@example.com", "10.0.0.4").isEmpty());
    }

    @Test
    void waitsAreRoundedUpToWholeMinutes() {
        assertEquals("1 minute", LoginThrottle.inWords(Duration.ofSeconds(5)));
        assertEquals("2 minutes", LoginThrottle.inWords(Duration.ofSeconds(61)));
    }
}
