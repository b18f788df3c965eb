package io.bridgeway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Authenticates people against their bcrypt hash (form login and HTTP Basic), and re-loads them for
 * the form-login session cookie (a trusted request), so a deactivated or deleted account loses access
 * at once and role changes apply without a new login.
 */
public final class PersonIdentityProviders {

    public static final String PERSON_ID = "personId";
    public static final String FULL_NAME = "fullName";

    private PersonIdentityProviders() {
    }

    static SecurityIdentity identityOf(AccountLookup.Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.email()))
                .addRoles(account.roles())
                .addAttribute(PERSON_ID, account.personId())
                .addAttribute(FULL_NAME, account.fullName())
                .build();
    }

    /** Looks the person up off the event loop; {@code accepted} decides whether the account may sign in. */
    static Uni<SecurityIdentity> authenticate(AccountLookup accounts, String email,
            java.util.function.Predicate<AccountLookup.Account> accepted, AuthenticationRequestContext context) {
        return context.runBlocking(() -> accounts.findActive(email)
                .filter(accepted)
                .map(PersonIdentityProviders::identityOf)
                .orElseThrow(AuthenticationFailedException::new));
    }

    @ApplicationScoped
    public static class Password implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Inject
        AccountLookup accounts;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            String password = new String(request.getPassword().getPassword());
            return PersonIdentityProviders.authenticate(accounts, request.getUsername(),
                    account -> Passwords.matches(password, account.passwordHash()), context);
        }
    }

    @ApplicationScoped
    public static class Session implements IdentityProvider<TrustedAuthenticationRequest> {

        @Inject
        AccountLookup accounts;

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                AuthenticationRequestContext context) {
            // The session cookie already proved who this is; only an active account is still required.
            return PersonIdentityProviders.authenticate(accounts, request.getPrincipal(), account -> true, context);
        }
    }
}
