package io.bridgeway.security;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.people.PersonDeleted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Limits password guessing: too many failed sign-ins for one account, or from one client address,
 * within a window block further attempts (without spending a bcrypt on them) until the oldest
 * failure leaves the window. The failures are rows of {@code login_failure}, so every node of the
 * cluster counts the same ones: more replicas give a guesser no more tries. A sign-in attempt is written, and
 * committed, before its bcrypt check and counted after that ({@link #admit}): of any number of parallel guesses
 * at most the limit get a check. A correct password removes its own attempt and the failures of the account from
 * the same client address, not those from elsewhere: the owner signing in does not reset a guesser's count.
 * An account that signed in from an address recently is not held up by other people's failures there: behind one
 * office or VPN address, thirty colleagues' typos must not lock everyone out.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    EntityManager em;

    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration knownAddressFor;
    Clock clock = Clock.systemUTC();

    @Inject
    public LoginThrottle(BridgewayConfig config) {
        this(config.login().maxFailuresPerAccount(), config.login().maxFailuresPerAddress(), config.login().window(),
                config.login().knownAddressFor());
    }

    LoginThrottle(int maxPerAccount, int maxPerAddress, Duration window, Duration knownAddressFor) {
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.knownAddressFor = knownAddressFor;
    }

    /** How long the caller must wait before trying again, when they must. */
    public Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Duration> account = blockedFor(accountKey(email), maxPerAccount, now);
            Optional<Duration> client = blockedFor(addressKey(address), maxPerAddress, now)
                    .filter(wait -> !knownFrom(email, address, now)); // looked up only when the address is blocked
            if (account.isPresent() && client.isPresent()) {
                return Optional.of(account.get().compareTo(client.get()) > 0 ? account.get() : client.get());
            }
            return account.isPresent() ? account : client;
        });
    }

    /** Whether an attempt may have its password checked: {@link Admitted}, or {@link Refused} with the wait. */
    public sealed interface Admission {
    }

    /** The attempt's rows count as a failure until {@link #succeeded} removes them. */
    public record Admitted(String attempt) implements Admission {
    }

    public record Refused(Duration retryAfter) implements Admission {
    }

    /**
     * Counts the attempt first: its rows are committed, then the rows in the window are counted. Each admitted
     * attempt sees its own row and those of every attempt admitted before it, so no more than the limit are
     * admitted however many run at once. A refused attempt's rows go again: waiting out a block is enough.
     */
    public Admission admit(String email, String address) {
        Instant now = clock.instant();
        String attempt = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            record(accountKey(email), address, attempt, now);
            record(addressKey(address), address, attempt, now);
        });
        boolean overLimit = QuarkusTransaction.requiringNew().call(() -> inWindow(accountKey(email), now) > maxPerAccount
                || inWindow(addressKey(address), now) > maxPerAddress && !knownFrom(email, address, now));
        if (!overLimit) {
            return new Admitted(attempt);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from login_failure where attempt = ?1")
                .setParameter(1, attempt).executeUpdate());
        // the attempts counted before this one are still there, unless they just left the window
        return new Refused(blockedFor(email, address).orElse(Duration.ofSeconds(1)));
    }

    /**
     * The password was right: the attempt is no failure, nor are the account's earlier ones from this address,
     * and the address is now one the account signs in from.
     */
    public void succeeded(Admitted admitted, String email, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from login_failure where attempt = ?1 or (failure_key = ?2 and client_address = ?3)")
                    .setParameter(1, admitted.attempt()).setParameter(2, accountKey(email))
                    .setParameter(3, client(address)).executeUpdate();
            // delete and insert, not an upsert (no portable one): two sign-ins at once leave two rows, which is harmless
            em.createNativeQuery("delete from login_known_address where account_key = ?1 and client_address = ?2")
                    .setParameter(1, accountKey(email)).setParameter(2, client(address)).executeUpdate();
            em.createNativeQuery("insert into login_known_address (account_key, client_address, last_success)"
                    + " values (?1, ?2, ?3)").setParameter(1, accountKey(email)).setParameter(2, client(address))
                    .setParameter(3, clock.instant()).executeUpdate();
        });
    }

    private boolean knownFrom(String email, String address, Instant now) {
        return !knownAddressFor.isZero() && ((Number) em.createNativeQuery("select count(*) from login_known_address"
                + " where account_key = ?1 and client_address = ?2 and last_success > ?3")
                .setParameter(1, accountKey(email)).setParameter(2, client(address))
                .setParameter(3, now.minus(knownAddressFor)).getSingleResult()).longValue() > 0;
    }

    /**
     * Every minute on every node (an idempotent delete): the failures that left the window go, those of keys
     * never tried again too, so typed e-mail addresses and client addresses are kept no longer than the window
     * plus a minute, also when nobody signs in.
     */
    @Scheduled(identity = "login-failure-purge", every = "1m",
            delayed = "${bridgeway.jobs.first-run-after}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        Instant cutoff = clock.instant().minus(window);
        Instant forgotten = clock.instant().minus(knownAddressFor);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from login_failure where failed_at <= ?1").setParameter(1, cutoff).executeUpdate();
            em.createNativeQuery("delete from login_known_address where last_success <= ?1").setParameter(1, forgotten)
                    .executeUpdate();
        });
    }

    /** A deleted account's failed sign-ins and known addresses go with it, in the deleting transaction (its addresses' counts stay). */
    void forget(@Observes PersonDeleted deleted) {
        em.createNativeQuery("delete from login_failure where failure_key = ?1").setParameter(1, accountKey(deleted.email()))
                .executeUpdate();
        em.createNativeQuery("delete from login_known_address where account_key = ?1")
                .setParameter(1, accountKey(deleted.email())).executeUpdate();
    }

    /** Blocked while {@code max} failures are in the window, until the oldest of the newest {@code max} leaves it. */
    private Optional<Duration> blockedFor(String key, int max, Instant now) {
        // one statement: the max-th newest failure in the window, if there are that many
        List<?> oldestCounted = em.createNativeQuery("select failed_at from login_failure where failure_key = ?1 "
                + "and failed_at > ?2 order by failed_at desc", Instant.class)
                .setParameter(1, key).setParameter(2, now.minus(window))
                .setFirstResult(max - 1).setMaxResults(1).getResultList();
        return oldestCounted.isEmpty() ? Optional.empty()
                : Optional.of(Duration.between(now, ((Instant) oldestCounted.get(0)).plus(window)));
    }

    private long inWindow(String key, Instant now) {
        return ((Number) em.createNativeQuery("select count(*) from login_failure where failure_key = ?1 and failed_at > ?2")
                .setParameter(1, key).setParameter(2, now.minus(window)).getSingleResult()).longValue();
    }

    private void record(String key, String address, String attempt, Instant now) {
        em.createNativeQuery("insert into login_failure (failure_key, failed_at, client_address, attempt) "
                + "values (?1, ?2, ?3, ?4)")
                .setParameter(1, key).setParameter(2, now).setParameter(3, client(address)).setParameter(4, attempt)
                .executeUpdate();
    }

    /** At most the column's width: an e-mail is at most 320 characters, anything longer is not an account. */
    static String accountKey(String email) {
        String key = "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        return key.length() > 400 ? key.substring(0, 400) : key;
    }

    private static String addressKey(String address) {
        return "address:" + client(address);
    }

    private static String client(String address) {
        String client = address == null ? "unknown" : address;
        return client.length() > 390 ? client.substring(0, 390) : client; // the key's prefix fits the column too
    }

    /** "14 minutes", "1 minute": rounded up, so the message never promises too early. */
    public static String inWords(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
