package io.bridgeway.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values read for a person, reused while the person's row version is unchanged and for at most
 * {@code lifetime}. The version comes from the request's session check, which reads it anyway, and every edit of
 * the person (their collections included) bumps it: a person sees their own change at once, on any replica.
 * What the value shows of other rows (a manager's name, a department's) can lag by the lifetime.
 */
final class RecentByRowVersion<V> {

    /**
     * Past this many people (a few kilobytes each) the map starts afresh rather than grow: only people who came
     * back within the lifetime gain from an entry, and expired ones are not swept.
     */
    static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(long rowVersion, Instant until, V value) {
    }

    private final Map<Long, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Supplier<Duration> lifetime;
    Clock clock = Clock.systemUTC();

    RecentByRowVersion(Supplier<Duration> lifetime) {
        this.lifetime = lifetime;
    }

    Optional<V> get(long personId, long rowVersion) {
        Entry<V> entry = entries.get(personId);
        return entry != null && entry.rowVersion() == rowVersion && clock.instant().isBefore(entry.until())
                ? Optional.of(entry.value()) : Optional.empty();
    }

    /** {@code rowVersion}: the version the value was read at, so a newer row is never kept under an older one. */
    void put(long personId, long rowVersion, V value) {
        Duration keep = lifetime.get();
        if (keep.isZero() || keep.isNegative()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(personId, new Entry<>(rowVersion, clock.instant().plus(keep), value));
    }
}
