package io.bridgeway.security;

import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The account's own records, for "Download my data": its API tokens (never their secrets or hashes) and the client
 * addresses it signed in from that the sign-in throttle remembers ({@link LoginThrottle}).
 */
@ApplicationScoped
public class AccountData implements PersonDataSection {

    public record Token(String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    public record SignInAddress(String address, Instant lastSignIn) {
    }

    public record Account(List<Token> apiTokens, List<SignInAddress> signInAddresses) {
    }

    @Inject
    EntityManager em;

    @Override
    public String name() {
        return "account";
    }

    @Override
    public Account dataOf(Person person) {
        List<Token> tokens = ApiToken.<ApiToken>list("person = ?1 order by createdAt", person).stream()
                .map(t -> new Token(t.name, t.createdAt, t.expiresAt, t.lastUsedAt)).toList();
        List<?> rows = em.createNativeQuery("select client_address, last_success from login_known_address"
                + " where account_key = ?1 order by last_success desc")
                .setParameter(1, LoginThrottle.accountKey(person.email)).getResultList();
        List<SignInAddress> addresses = rows.stream().map(row -> (Object[]) row)
                .map(row -> new SignInAddress((String) row[0], toInstant(row[1]))).toList();
        return new Account(tokens, addresses);
    }

    /** A timestamp column as the JDBC driver returns it; the JVM and the stored times are UTC (BridgewayMain). */
    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
