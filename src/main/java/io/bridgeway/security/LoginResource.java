package io.bridgeway.security;

import jakarta.annotation.security.PermitAll;
import io.bridgeway.BridgewayConfig;
import io.bridgeway.people.Person;
import io.bridgeway.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Sign-in and sign-out. The form carries a CSRF token like every other form; a successful sign-in
 * issues a fresh session cookie, and signing out ends every session of the account on the server.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String email, String next, String error, String companySignIn);
    }

    static final String WRONG = "That email and password do not match an active account. Check them and try again.";

    static final String SSO_UNAVAILABLE = "Company sign-in is not available right now. Try again later, or sign in with your password.";
    static final String SSO_CANCELLED = "Company sign-in did not complete. Try again, or sign in with your password.";

    @Inject
    SecurityIdentity identity;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    PasswordLogin passwordLogin;

    @Inject
    RoutingContext routing;

    @Inject
    BridgewayConfig config;

    @GET
    @Path("login")
    public Response login(@QueryParam("email") String email, @QueryParam("next") String next,
            @QueryParam("error") String companySignInError) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create(LoginRedirects.orLanding(next, identity.getRoles()))).build();
        }
        String error = companySignInError == null || !config.sso().enabled() ? null
                : SsoFailures.UNAVAILABLE.equals(companySignInError) ? SSO_UNAVAILABLE : SSO_CANCELLED;
        return Response.ok(page(email, next, error)).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String email, @RestForm String password, @RestForm String next) {
        PasswordLogin.Outcome outcome = passwordLogin.attempt(email, password,
                PersonIdentityProviders.clientAddress(routing));
        if (outcome instanceof PasswordLogin.Throttled throttled) {
            return Response.status(429).header(HttpHeaders.RETRY_AFTER, Math.max(1, throttled.retryAfter().toSeconds()))
                    .entity(page(email, next, "Too many attempts. Try again in "
                            + LoginThrottle.inWords(throttled.retryAfter()) + ".")).build();
        }
        if (!(outcome instanceof PasswordLogin.SignedIn signedIn)) {
            return Response.status(401).entity(page(email, next, WRONG)).build();
        }
        AccountLookup.Account account = signedIn.account();
        return Response.seeOther(URI.create(LoginRedirects.orLanding(next, account.roles())))
                .header(HttpHeaders.SET_COOKIE, sessionCookie.signIn(account.personId(), account.sessionVersion()))
                .build();
    }

    /** The sign-in form, with the company sign-in link (keeping a safe {@code next}) when SSO is on. */
    private TemplateInstance page(String email, String next, String error) {
        String safeNext = LoginRedirects.isSafe(next) ? next : null;
        String companySignIn = !config.sso().enabled() ? null
                : safeNext == null ? "/sso/login" : "/sso/login?next=" + URLEncoder.encode(safeNext, StandardCharsets.UTF_8);
        return Templates.login(email, safeNext, error, companySignIn);
    }

    /** Ends every session of the account, not just this browser's cookie: a copied cookie dies too. */
    @POST
    @Path("logout")
    @Transactional
    public Response logout() {
        Long personId = identity.getAttribute(PersonIdentityProviders.PERSON_ID);
        if (personId != null) {
            Person.endAllSessions(personId);
        }
        Response flash = Flash.redirect("/", "You have signed out.");
        return Response.fromResponse(flash).header(HttpHeaders.SET_COOKIE, sessionCookie.expired()).build();
    }
}
