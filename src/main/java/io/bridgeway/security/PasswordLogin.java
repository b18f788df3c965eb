package io.bridgeway.security;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.people.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * Checks an e-mail and password, for the sign-in form and HTTP Basic alike: throttled first, then
 * bcrypt (against a dummy hash for unknown accounts, so timing does not tell which accounts exist).
 * Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class PasswordLogin {

    public sealed interface Outcome permits SignedIn, WrongCredentials, Throttled {
    }

    public record SignedIn(AccountLookup.Account account) implements Outcome {
    }

    public record WrongCredentials() implements Outcome {
    }

    public record Throttled(Duration retryAfter) implements Outcome {
    }

    private static final int MAX_VERIFIED = 10_000;
    private static final String DUMMY_HASH = Passwords.hash(Passwords.generate());

    @Inject
    AccountLookup accounts;

    @Inject
    LoginThrottle throttle;

    @Inject
    BridgewayConfig config;

    /**
     * An API client sends its password with every call; a recent bcrypt success is remembered for
     * {@code bridgeway.login.basic-cache-for}, keyed by an HMAC under a key that lives only in this process.
     */
    private final Map<String, Instant> recentlyVerified = new ConcurrentHashMap<>();
    private final SecretKey fingerprintKey = Passwords.randomHmacKey();
    Clock clock = Clock.systemUTC();

    public Outcome attempt(String email, String password, String clientAddress) {
        String normalized = Person.normalizeEmail(email);
        Optional<Duration> wait = throttle.blockedFor(normalized, clientAddress);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        Optional<AccountLookup.Account> account = normalized == null || normalized.isEmpty()
                ? Optional.empty() : accounts.findActive(normalized);
        boolean matches;
        if (account.isPresent() && account.get().passwordHash() != null) {
            matches = verified(account.get(), password);
        } else {
            Passwords.matches(password == null ? "" : password, DUMMY_HASH); // same cost as a real check
            matches = false;
        }
        if (!matches) {
            throttle.recordFailure(normalized, clientAddress);
            return new WrongCredentials();
        }
        throttle.recordSuccess(normalized);
        return new SignedIn(account.get());
    }

    private boolean verified(AccountLookup.Account account, String password) {
        // Keyed by the stored hash too, so a password change or reset forgets every earlier success at once.
        // The account itself is re-read on every call: deactivation and role changes apply at once.
        String key = Passwords.hmacSha256(fingerprintKey,
                account.personId() + "\n" + account.passwordHash() + "\n" + password);
        Duration cacheFor = config.login().basicCacheFor();
        Instant now = clock.instant();
        Instant until = recentlyVerified.get(key);
        if (until != null && until.isAfter(now)) {
            return true;
        }
        if (!Passwords.matches(password, account.passwordHash())) {
            return false;
        }
        if (cacheFor.isZero() || cacheFor.isNegative()) {
            return true;
        }
        if (recentlyVerified.size() >= MAX_VERIFIED) {
            recentlyVerified.clear();
        }
        recentlyVerified.put(key, now.plus(cacheFor));
        return true;
    }
}
