package io.bridgeway.web;

import io.bridgeway.security.PersonIdentityProviders;
import io.bridgeway.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/** Who is looking at a page, for the layout: {@code {inject:viewer.signedIn}} and friends. */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpHeaders headers;

    /** Signed in to Bridgeway: the company sign-in's passing OIDC identity (on /sso only) does not count. */
    public boolean signedIn() {
        return personId() != null;
    }

    public String name() {
        String fullName = identity.getAttribute(PersonIdentityProviders.FULL_NAME);
        return fullName != null ? fullName : identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public String email() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public Long personId() {
        return identity.getAttribute(PersonIdentityProviders.PERSON_ID);
    }

    /** The viewer's person row version, read by this request's session check. */
    public Long rowVersion() {
        return identity.getAttribute(PersonIdentityProviders.ROW_VERSION);
    }

    public boolean admin() {
        return signedIn() && identity.hasRole(Role.ADMIN);
    }

    public boolean programManager() {
        return signedIn() && identity.hasRole(Role.PROGRAM_MANAGER) || admin();
    }

    /** The one-shot message set by the previous request's redirect, if any. */
    public String flash() {
        Cookie cookie = headers.getCookies().get(Flash.COOKIE);
        return cookie == null ? null : Flash.decode(cookie.getValue());
    }
}
