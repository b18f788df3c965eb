package io.bridgeway.security;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.audit.AuditLog;
import io.bridgeway.notifications.MatchNotifier;
import io.bridgeway.notifications.Outbox;
import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDeleted;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens for scripts: made by their owner (shown once), listed, revoked, and checked on every
 * {@code Authorization: Bearer} call. A token is {@code bw_} and 192 random bits; only its SHA-256 is stored.
 * Making one needs the current password (or, for an account without one, a company sign-in in the last few
 * minutes): a stolen session must not become lasting API access. A password change keeps them (they are
 * separate credentials, each revocable here); a password reset revokes them all; deleting the account deletes
 * them; while the account is deactivated they do not work.
 */
@ApplicationScoped
public class ApiTokens {

    public static final String PREFIX = "bw_";
    public static final int MAX_NAME_LENGTH = 60;
    public static final int MAX_PER_PERSON = 20;
    /** Expiry dates further out than this are refused as typos. */
    static final int MAX_YEARS_AHEAD = 10;
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(5);
    private static final int RANDOM_BYTES = 24;

    /** A token as its owner's list shows it; the secret is gone. Expiry is a date: the token works through it (UTC). */
    public record Listed(long id, String name, Instant createdAt, Instant lastUsedAt, LocalDate expiresOn,
            boolean expired) {
    }

    /** What creating did: field errors (nothing saved), or the new token's secret, to show once. */
    public record Created(FormErrors errors, String secret, Listed token) {
    }

    /** A valid token's owner, for authentication. */
    public record Holder(long tokenId, long personId) {
    }

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    BridgewayConfig config;

    Clock clock = Clock.systemUTC();

    @Transactional
    public List<Listed> of(long personId) {
        Instant now = clock.instant();
        return ApiToken.<ApiToken>list("person.id = ?1 order by createdAt desc, id desc", personId).stream()
                .map(t -> listed(t, now)).toList();
    }

    /** Checks the name and the optional expiry date (yyyy-mm-dd) first; saves nothing when either is refused. */
    @Transactional
    public Created create(long personId, String rawName, String rawExpiresOn) {
        // one creation at a time per person, so parallel posts cannot pass the name and count checks together
        Person owner = Person.findById(personId, LockModeType.PESSIMISTIC_WRITE);
        FormErrors errors = new FormErrors();
        String name = rawName == null ? "" : rawName.strip();
        Optional<String> notOneLine = FormFields.lineProblem(name, "Name");
        if (name.isEmpty()) {
            errors.add("name", "Name: give the token a name, for example the script that will use it.");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "Name: at most " + MAX_NAME_LENGTH + " characters.");
        } else if (notOneLine.isPresent()) {
            errors.add("name", notOneLine.get());
        } else if (ApiToken.count("person.id = ?1 and name = ?2", personId, name) > 0) {
            errors.add("name", "Name: you already have a token with this name. Choose another.");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate expiresOn = null;
        String expiry = rawExpiresOn == null ? "" : rawExpiresOn.strip();
        if (!expiry.isEmpty()) {
            try {
                expiresOn = LocalDate.parse(expiry);
                if (expiresOn.isBefore(today)) {
                    errors.add("expiresOn", "Expires: the date has passed. Choose today or a later date.");
                } else if (expiresOn.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
                    errors.add("expiresOn", "Expires: at most " + MAX_YEARS_AHEAD + " years ahead.");
                }
            } catch (DateTimeParseException notADate) {
                errors.add("expiresOn", "Expires: a date such as " + today.plusDays(90) + ", or leave it empty.");
            }
        }
        if (!errors.any() && ApiToken.count("person.id", personId) >= MAX_PER_PERSON) {
            errors.add("name", "You already have " + MAX_PER_PERSON + " tokens, the most allowed. Revoke one first.");
        }
        if (errors.any()) {
            return new Created(errors, null, null);
        }
        String secret = PREFIX + Passwords.randomToken(RANDOM_BYTES);
        ApiToken token = new ApiToken();
        token.person = owner;
        token.name = name;
        token.tokenHash = Passwords.sha256(secret);
        token.createdAt = clock.instant();
        token.expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        token.persist();
        audit.record("API_TOKEN_CREATED", "API_TOKEN", token.id, null,
                "\"" + name + "\"" + (expiresOn == null ? ", no expiry" : ", expires " + expiresOn));
        // The owner hears of every new credential, so one made by someone else does not go unnoticed.
        String tokensPage = BridgewayConfig.baseUrl(config.publicUrl()).orElse(BridgewayConfig.LOCAL_URL)
                + "/profile/api-tokens";
        outbox.enqueue(new MatchNotifier.Notice(owner.id, owner.email, owner.fullName,
                "A new Bridgeway API token: " + name,
                "Hello " + owner.fullName + ",\n\nA personal API token named \"" + name + "\" was made for your "
                        + "Bridgeway account" + (expiresOn == null ? "" : ", valid through " + expiresOn) + ". "
                        + "It can call the Bridgeway API as you.\n\nIf you did not make it, revoke it at once and "
                        + "change your password:\n\n" + tokensPage + "\n", null, null),
                Outbox.API_TOKEN_CREATED, null);
        return new Created(errors, secret, listed(token, token.createdAt));
    }

    /** Revokes one of the owner's own tokens at once; false when they have no such token. */
    @Transactional
    public boolean revoke(long personId, long tokenId) {
        Optional<ApiToken> token = ApiToken.<ApiToken>find("id = ?1 and person.id = ?2", tokenId, personId)
                .firstResultOptional();
        token.ifPresent(t -> {
            t.delete();
            audit.record("API_TOKEN_REVOKED", "API_TOKEN", t.id, null, "\"" + t.name + "\"");
        });
        return token.isPresent();
    }

    /**
     * Whose token this is, when it is known and not expired (whether the account is active is the caller's
     * check). Notes the use, at most once per {@link #LAST_USED_PRECISION}. Blocking: call it off the event loop.
     */
    @ActivateRequestContext
    public Optional<Holder> holderOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        List<Object[]> rows = ApiToken.getEntityManager().createQuery(
                "select t.id, t.person.id, t.expiresAt, t.lastUsedAt from ApiToken t where t.tokenHash = ?1",
                Object[].class).setParameter(1, Passwords.sha256(secret)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Instant now = clock.instant();
        Instant expiresAt = (Instant) row[2];
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        Instant lastUsed = (Instant) row[3];
        long tokenId = (Long) row[0];
        if (lastUsed == null || lastUsed.plus(LAST_USED_PRECISION).isBefore(now)) {
            QuarkusTransaction.requiringNew().run(
                    () -> ApiToken.update("lastUsedAt = ?1 where id = ?2", now, tokenId));
        }
        return Optional.of(new Holder(tokenId, (Long) row[1]));
    }

    /** A deleted account's tokens go with it. */
    void forget(@Observes PersonDeleted deleted) {
        ApiToken.delete("person.id", deleted.personId());
    }

    private static Listed listed(ApiToken token, Instant now) {
        LocalDate expiresOn = token.expiresAt == null ? null
                : token.expiresAt.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        return new Listed(token.id, token.name, token.createdAt, token.lastUsedAt, expiresOn,
                token.expiresAt != null && !now.isBefore(token.expiresAt));
    }
}
