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
    /**
     * Checked against when no account has the address, so an unknown address costs the same bcrypt work as a
     * wrong password. A constant (the hash of a random string nobody kept) rather than a hash made at class
     * load: that ran on the event loop inside the first HTTP request of every start, readiness probe included.
     * {@code DummyPasswordHashTest} checks that it is valid and has the cost {@link Passwords#hash} uses.
     */
    static final String DUMMY_HASH = "$2a$10$NondNRDIZ/IjIHfFhDPXvuIh7dyd4.zwZzA37s0JIv0IrMGob4Gsy";

    @Inject
    AccountLookup accounts;

    @Inject
    LoginThrottle throttle;

    @Inject
    BridgewayConfig config;

    /**
     * An API client sends its password with every call; a recent bcrypt success is remembered for
     * {@code bridgeway.login.basic-cache-for}, keyed by an HMAC (under a key that lives only in this process) of
     * the e-mail and password. A hit re-reads the account by id, the cheap lookup sessions use, and counts only
     * while the account is active with the same stored hash: a password change or reset, a deactivation or a
     * role change applies to the very next call.
     */
    private record Remembered(long personId, String passwordHash, Instant until) {
    }

    private final Map<String, Remembered> recentlyVerified = new ConcurrentHashMap<>();
    private final SecretKey fingerprintKey = Passwords.randomHmacKey();
    Clock clock = Clock.systemUTC();

    public Outcome attempt(String email, String password, String clientAddress) {
        String normalized = Person.normalizeEmail(email);
        Optional<Duration> wait = throttle.blockedFor(normalized, clientAddress);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        String fingerprint = Passwords.hmacSha256(fingerprintKey, normalized + "\n" + password);
        Optional<AccountLookup.Account> remembered = remembered(fingerprint, normalized);
        if (remembered.isPresent()) {
            // No clearing of the account's failures here: the bcrypt check that was remembered cleared them, and
            // a cached call must not write (a delete per API call); failures since then keep counting.
            return new SignedIn(remembered.get());
        }
        LoginThrottle.Admission admission = throttle.admit(normalized, clientAddress);
        if (admission instanceof LoginThrottle.Refused refused) {
            return new Throttled(refused.retryAfter());
        }
        LoginThrottle.Admitted admitted = (LoginThrottle.Admitted) admission;
        Optional<AccountLookup.Account> account = normalized == null || normalized.isEmpty()
                ? Optional.empty() : accounts.findActive(normalized);
        boolean matches;
        if (account.isPresent() && account.get().passwordHash() != null) {
            matches = Passwords.matches(password, account.get().passwordHash());
        } else {
            Passwords.matches(password == null ? "" : password, DUMMY_HASH); // same cost as a real check
            matches = false;
        }
        if (!matches) {
            return new WrongCredentials(); // the admitted attempt's rows are its failure
        }
        throttle.succeeded(admitted, normalized, clientAddress);
        remember(fingerprint, account.get());
        return new SignedIn(account.get());
    }

    private Optional<AccountLookup.Account> remembered(String fingerprint, String email) {
        Remembered entry = recentlyVerified.get(fingerprint);
        if (entry == null) {
            return Optional.empty();
        }
        Optional<AccountLookup.Account> account = entry.until().isAfter(clock.instant())
                ? accounts.findActive(entry.personId()) : Optional.empty();
        if (account.isPresent() && account.get().email().equals(email)
                && entry.passwordHash().equals(account.get().passwordHash())) {
            return account;
        }
        recentlyVerified.remove(fingerprint); // expired, or the account changed: check the password again
        return Optional.empty();
    }

    private void remember(String fingerprint, AccountLookup.Account account) {
        Duration cacheFor = config.login().basicCacheFor();
        if (cacheFor.isZero() || cacheFor.isNegative()) {
            return;
        }
        if (recentlyVerified.size() >= MAX_VERIFIED) {
            recentlyVerified.clear();
        }
        recentlyVerified.put(fingerprint,
                new Remembered(account.personId(), account.passwordHash(), clock.instant().plus(cacheFor)));
    }
}
