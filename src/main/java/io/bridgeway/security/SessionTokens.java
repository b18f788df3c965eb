package io.bridgeway.security;

import io.bridgeway.BridgewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks session tokens. A token names the account by id and session version (so a new
 * account with a deleted account's e-mail, or any cookie from before a sign-out, is worthless), and
 * carries its sign-in time (absolute lifetime) and last activity (idle timeout).
 */
@ApplicationScoped
public class SessionTokens {

    private static final String FORMAT = "1";
    private static final String ALGORITHM = "HmacSHA256";

    public record SessionToken(long personId, int version, Instant issuedAt, Instant lastSeen) {
    }

    private final SecretKeySpec key;
    /** A keyed MAC per thread: looking up the provider and initialising the key cost more than the HMAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final Duration renewAfter;
    Clock clock = Clock.systemUTC();

    @Inject
    public SessionTokens(SessionKey key, BridgewayConfig config) {
        this(key.bytes(), config.session().idleTimeout(), config.session().absoluteTimeout(), config.session().renewAfter());
    }

    SessionTokens(byte[] key, Duration idleTimeout, Duration absoluteTimeout, Duration renewAfter) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
        this.renewAfter = renewAfter;
    }

    /** A token for a sign-in now. */
    public SessionToken issue(long personId, int version) {
        Instant now = clock.instant();
        return new SessionToken(personId, version, now, now);
    }

    /** The same session, seen now. */
    public SessionToken touched(SessionToken token) {
        return new SessionToken(token.personId(), token.version(), token.issuedAt(), clock.instant());
    }

    public boolean dueForRenewal(SessionToken token) {
        return token.lastSeen().plus(renewAfter).isBefore(clock.instant());
    }

    public String encode(SessionToken token) {
        String payload = String.join(".", FORMAT, Long.toString(token.personId()), Integer.toString(token.version()),
                Long.toString(token.issuedAt().getEpochSecond()), Long.toString(token.lastSeen().getEpochSecond()));
        return payload + "." + sign(payload);
    }

    /** The token in a cookie value when its signature is ours and it has neither idled out nor outlived its session. */
    public Optional<SessionToken> decode(String value) {
        if (value == null || value.length() > 200) {
            return Optional.empty();
        }
        int lastDot = value.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, lastDot);
        byte[] given = value.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(payload).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 5 || !FORMAT.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            SessionToken token = new SessionToken(Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])), Instant.ofEpochSecond(Long.parseLong(parts[4])));
            return live(token) ? Optional.of(token) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean live(SessionToken token) {
        Instant now = clock.instant();
        return token.issuedAt().plus(absoluteTimeout).isAfter(now) && token.lastSeen().plus(idleTimeout).isAfter(now);
    }

    private String sign(String payload) {
        // doFinal resets the MAC for the next use on this thread
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
