package io.bridgeway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code Authorization: Bearer <personal API token>} on {@code /api}: the token must be known and unexpired and
 * its owner active. No bcrypt and no throttle: a token is 192 random bits, so guessing is hopeless.
 */
public final class ApiTokenAuthentication {

    static final String BEARER = "bearer ";

    private ApiTokenAuthentication() {
    }

    /** The secret from a Bearer header, or null when the header is not a Bearer one. */
    static String secretOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    public static final class Request extends BaseAuthenticationRequest {
        final String secret;

        public Request(String secret) {
            this.secret = secret;
        }
    }

    @ApplicationScoped
    public static class Provider implements IdentityProvider<Request> {

        @Inject
        ApiTokens tokens;

        @Inject
        AccountLookup accounts;

        @Override
        public Class<Request> getRequestType() {
            return Request.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> tokens.holderOf(request.secret)
                    .flatMap(holder -> accounts.findActive(holder.personId()))
                    .map(account -> PersonIdentityProviders.identityOf(account, null))
                    .orElseThrow(AuthenticationFailedException::new));
        }
    }
}
