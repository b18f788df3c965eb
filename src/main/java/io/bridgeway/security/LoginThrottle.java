package io.bridgeway.security;

import io.bridgeway.BridgewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing: too many failed sign-ins for one account, or from one client address,
 * within a window block further attempts (without spending a bcrypt on them) until the oldest
 * failure leaves the window. Kept in memory, per app instance.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Bounds memory under a spray of made-up accounts: past this many keys, the oldest entries go. */
    static final int MAX_TRACKED_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;
    Clock clock = Clock.systemUTC();

    @Inject
    public LoginThrottle(BridgewayConfig config) {
        this(config.login().maxFailuresPerAccount(), config.login().maxFailuresPerAddress(), config.login().window());
    }

    LoginThrottle(int maxPerAccount, int maxPerAddress, Duration window) {
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /** How long the caller must wait before trying again, when they must. */
    public Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        Optional<Duration> account = blockedFor(accountKey(email), maxPerAccount, now);
        Optional<Duration> client = blockedFor(addressKey(address), maxPerAddress, now);
        if (account.isPresent() && client.isPresent()) {
            return Optional.of(account.get().compareTo(client.get()) > 0 ? account.get() : client.get());
        }
        return account.isPresent() ? account : client;
    }

    public void recordFailure(String email, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED_KEYS) {
            failures.clear(); // crude but safe: forgetting failures only ever lets a guesser try sooner
        }
        record(accountKey(email), now);
        record(addressKey(address), now);
    }

    /** A correct password clears the account's failures (the address keeps its count). */
    public void recordSuccess(String email) {
        failures.remove(accountKey(email));
    }

    private Optional<Duration> blockedFor(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Instant cutoff = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
                times.pollFirst();
            }
            if (times.size() < max) {
                return Optional.empty();
            }
            // Free again when enough failures have left the window to drop below the limit.
            Instant oldestCounted = times.stream().skip(times.size() - max).findFirst().orElseThrow();
            return Optional.of(Duration.between(now, oldestCounted.plus(window)));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > Math.max(maxPerAccount, maxPerAddress)) {
                times.pollFirst();
            }
        }
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    /** "14 minutes", "1 minute": rounded up, so the message never promises too early. */
    public static String inWords(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
