package io.bridgeway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Turns credentials into a person: a password (HTTP Basic) through {@link PasswordLogin}, or a signed
 * session token whose account is re-loaded on every request, so a deleted or deactivated account, a
 * sign-out elsewhere or a password change ends the session at once.
 */
public final class PersonIdentityProviders {

    public static final String PERSON_ID = "personId";
    public static final String FULL_NAME = "fullName";
    /** The person row's version when the request was authenticated (see {@code AccountLookup.Account}). */
    public static final String ROW_VERSION = "rowVersion";
    /** The session token a cookie request was authenticated with; absent for HTTP Basic. */
    public static final String SESSION = "session";

    private PersonIdentityProviders() {
    }

    /** A session cookie, already checked for its signature and lifetime. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        final SessionTokens.SessionToken token;

        public SessionRequest(SessionTokens.SessionToken token) {
            this.token = token;
        }
    }

    /** On a failure because the account or address is throttled: how long to wait (the mechanism answers 429). */
    public static final String RETRY_AFTER = "retryAfter";

    static SecurityIdentity identityOf(AccountLookup.Account account, SessionTokens.SessionToken sessionOrNull) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.email()))
                .addRoles(account.roles())
                .addAttribute(PERSON_ID, account.personId())
                .addAttribute(FULL_NAME, account.fullName())
                .addAttribute(ROW_VERSION, account.rowVersion());
        if (sessionOrNull != null) {
            builder.addAttribute(SESSION, sessionOrNull);
        }
        return builder.build();
    }

    /** The client's address as Vert.x sees it (the proxy's view only when forwarding is configured). */
    public static String clientAddress(RoutingContext context) {
        return context == null || context.request().remoteAddress() == null ? "unknown"
                : context.request().remoteAddress().hostAddress();
    }

    @ApplicationScoped
    public static class Password implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Inject
        PasswordLogin login;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            String password = new String(request.getPassword().getPassword());
            String address = clientAddress(HttpSecurityUtils.getRoutingContextAttribute(request));
            return context.runBlocking(() -> {
                PasswordLogin.Outcome outcome = login.attempt(request.getUsername(), password, address);
                if (outcome instanceof PasswordLogin.SignedIn signedIn) {
                    return identityOf(signedIn.account(), null);
                }
                if (outcome instanceof PasswordLogin.Throttled throttled) {
                    throw new AuthenticationFailedException("Too many failed sign-ins",
                            Map.of(RETRY_AFTER, throttled.retryAfter()));
                }
                throw new AuthenticationFailedException();
            });
        }
    }

    @ApplicationScoped
    public static class Session implements IdentityProvider<SessionRequest> {

        @Inject
        AccountLookup accounts;

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> accounts.findActive(request.token.personId())
                    .filter(account -> account.sessionVersion() == request.token.version())
                    .map(account -> identityOf(account, request.token))
                    .orElseThrow(AuthenticationFailedException::new));
        }
    }
}
