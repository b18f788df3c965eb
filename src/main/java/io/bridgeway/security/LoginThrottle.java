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

/**
 * Limits password guessing: too many failed sign-ins for one account, or from one client address,
 * within a window block further attempts (without spending a bcrypt on them) until the oldest
 * failure leaves the window. The failures are rows of {@code login_failure}, so every node of the
 * cluster counts the same ones: more replicas give a guesser no more tries. A failure is recorded after its
 * bcrypt check, so guesses already in flight when the limit is reached (at most one per worker thread of each
 * node) still get their answer.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    EntityManager em;

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
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Duration> account = blockedFor(accountKey(email), maxPerAccount, now);
            Optional<Duration> client = blockedFor(addressKey(address), maxPerAddress, now);
            if (account.isPresent() && client.isPresent()) {
                return Optional.of(account.get().compareTo(client.get()) > 0 ? account.get() : client.get());
            }
            return account.isPresent() ? account : client;
        });
    }

    public void recordFailure(String email, String address) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            record(accountKey(email), now);
            record(addressKey(address), now);
        });
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
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from login_failure where failed_at <= ?1").setParameter(1, cutoff).executeUpdate());
    }

    /** A correct password clears the account's failures (the address keeps its count). */
    public void recordSuccess(String email) {
        // deletes nothing, and writes nothing, for the usual account without failures
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from login_failure where failure_key = ?1").setParameter(1, accountKey(email)).executeUpdate());
    }

    /** A deleted account's failed sign-ins go with it, in the deleting transaction (its addresses' counts stay). */
    void forget(@Observes PersonDeleted deleted) {
        em.createNativeQuery("delete from login_failure where failure_key = ?1").setParameter(1, accountKey(deleted.email()))
                .executeUpdate();
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

    private void record(String key, Instant now) {
        em.createNativeQuery("insert into login_failure (failure_key, failed_at) values (?1, ?2)")
                .setParameter(1, key).setParameter(2, now).executeUpdate();
    }

    /** At most the column's width: an e-mail is at most 320 characters, anything longer is not an account. */
    private static String accountKey(String email) {
        String key = "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        return key.length() > 400 ? key.substring(0, 400) : key;
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
