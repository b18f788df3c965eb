package io.bridgeway.security;

import jakarta.annotation.security.PermitAll;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** Change your password; or, signed out, ask for a reset link and use it. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PasswordResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance change(FormErrors errors);

        static native TemplateInstance forgot(String email);

        static native TemplateInstance reset(String token, FormErrors errors);
    }

    static final String RESET_SENT = "If an account uses that address, we have sent it a link to reset the password. "
            + "It works for 30 minutes.";

    @Inject
    PasswordService passwords;

    @Inject
    SecurityIdentity identity;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    SessionTokens tokens;

    @Inject
    RoutingContext routing;

    @GET
    @Path("password/change")
    @Authenticated
    public TemplateInstance changeForm() {
        return Templates.change(FormErrors.none());
    }

    @POST
    @Path("password/change")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestForm String current, @RestForm String password, @RestForm String confirmation) {
        long personId = identity.getAttribute(PersonIdentityProviders.PERSON_ID);
        PasswordService.Changed changed = passwords.change(personId, current, password, confirmation,
                PersonIdentityProviders.clientAddress(routing));
        if (changed.retryAfter().isPresent()) {
            return Response.status(429).header(HttpHeaders.RETRY_AFTER, Math.max(1, changed.retryAfter().get().toSeconds()))
                    .entity(Templates.change(changed.errors())).build();
        }
        if (changed.errors().any()) {
            return Response.status(400).entity(Templates.change(changed.errors())).build();
        }
        // Every other session ended with the change; this browser gets a fresh one.
        return Response.fromResponse(Flash.redirect("/profile", "Your password has been changed. Other devices are signed out."))
                .header(HttpHeaders.SET_COOKIE, sessionCookie.set(tokens.issue(personId, changed.sessionVersion())))
                .build();
    }

    @GET
    @Path("password/forgot")
    @PermitAll
    public TemplateInstance forgotForm(@QueryParam("email") String email) {
        return Templates.forgot(email);
    }

    @POST
    @Path("password/forgot")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgot(@RestForm String email) {
        if (email != null && email.length() <= 254) {
            passwords.requestReset(email);
        }
        return Flash.redirect("/login", RESET_SENT);
    }

    @GET
    @Path("password/reset")
    @PermitAll
    public Response resetForm(@QueryParam("token") String token) {
        FormErrors errors = FormErrors.none();
        if (passwords.usableReset(token) == null) {
            errors.add("token", "This reset link has expired or was already used. Ask for a new one.");
        }
        return Response.status(errors.any() ? 400 : 200).entity(Templates.reset(token, errors)).build();
    }

    @POST
    @Path("password/reset")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@RestForm String token, @RestForm String password, @RestForm String confirmation) {
        FormErrors errors = passwords.reset(token, password, confirmation);
        if (errors.any()) {
            return Response.status(400).entity(Templates.reset(token, errors)).build();
        }
        return Response.fromResponse(Flash.redirect("/login", "Your password has been reset, and any API tokens revoked. Sign in with the new one."))
                .header(HttpHeaders.SET_COOKIE, sessionCookie.expired()).build();
    }
}
