package io.bridgeway.security;

import io.bridgeway.BridgewayConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The session cookie's name and attributes, in one place for the sign-in page and the renewal. */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "bw-session";

    @Inject
    BridgewayConfig config;

    @Inject
    SessionTokens tokens;

    /** A {@code Set-Cookie} header value that signs the person in with a fresh session (sign-in and sign-up). */
    public String signIn(long personId, int sessionVersion) {
        return set(tokens.issue(personId, sessionVersion));
    }

    /** A {@code Set-Cookie} header value that starts or renews the session {@code token}. */
    public String set(SessionTokens.SessionToken token) {
        return base(tokens.encode(token)).encode();
    }

    /** A {@code Set-Cookie} header value that removes the session cookie from the browser. */
    public String expired() {
        return base("").setMaxAge(0).encode();
    }

    private Cookie base(String value) {
        // Lax, not Strict: a link from a match e-mail must arrive signed in. Forms carry CSRF tokens.
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(config.http().httpsOnly());
    }
}
