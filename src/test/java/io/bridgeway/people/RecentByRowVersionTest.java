package io.bridgeway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentByRowVersionTest {

    static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");

    static RecentByRowVersion<String> cache(Duration lifetime, Instant now) {
        RecentByRowVersion<String> cache = new RecentByRowVersion<>(() -> lifetime);
        cache.clock = Clock.fixed(now, ZoneOffset.UTC);
        return cache;
    }

    @Test
    void aValueIsReusedOnlyAtItsRowVersionAndWithinItsLifetime() {
        RecentByRowVersion<String> cache = cache(Duration.ofSeconds(30), T0);
        cache.put(7, 3, "seven at 3");
        assertEquals(Optional.of("seven at 3"), cache.get(7, 3));
        assertEquals(Optional.empty(), cache.get(7, 4), "the person changed since");
        assertEquals(Optional.empty(), cache.get(8, 3), "another person");
        cache.clock = Clock.fixed(T0.plusSeconds(29), ZoneOffset.UTC);
        assertEquals(Optional.of("seven at 3"), cache.get(7, 3));
        cache.clock = Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC);
        assertEquals(Optional.empty(), cache.get(7, 3), "stale after the lifetime");
    }

    @Test
    void aZeroLifetimeKeepsNothing() {
        RecentByRowVersion<String> cache = cache(Duration.ZERO, T0);
        cache.put(7, 3, "seven");
        assertTrue(cache.get(7, 3).isEmpty());
    }

    @Test
    void pastItsSizeTheMapStartsAfresh() {
        RecentByRowVersion<String> cache = cache(Duration.ofSeconds(30), T0);
        for (long id = 0; id < RecentByRowVersion.MAX_ENTRIES; id++) {
            cache.put(id, 1, "p" + id);
        }
        assertEquals(Optional.of("p0"), cache.get(0, 1));
        cache.put(RecentByRowVersion.MAX_ENTRIES, 1, "one more");
        assertTrue(cache.get(0, 1).isEmpty(), "the earlier entries went");
        assertEquals(Optional.of("one more"), cache.get(RecentByRowVersion.MAX_ENTRIES, 1));
    }
}
