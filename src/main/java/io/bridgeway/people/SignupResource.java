package io.bridgeway.people;

import jakarta.annotation.security.PermitAll;
import io.bridgeway.security.SessionCookie;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Self sign-up: account and profile in one form, stored only when every field is valid. A new account
 * is signed in at once (a fresh session cookie, as after {@code /login}).
 */
@Path("/signup")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class SignupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(ProfileForm form, FormErrors errors, ProfileOptions.Options options);
    }

    @Inject
    ProfileService profiles;

    @Inject
    ProfileOptions options;

    @Inject
    SecurityIdentity identity;

    @Inject
    SessionCookie sessionCookie;

    @GET
    public Response form() {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/profile")).build();
        }
        ProfileForm form = new ProfileForm();
        form.languages.add("en");
        return Response.ok(Templates.signup(form, FormErrors.none(), options.load())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@BeanParam ProfileForm form) {
        if (form.applyToggle()) {
            form.password = null;
            return Response.ok(Templates.signup(form, FormErrors.none(), options.load())).build();
        }
        ProfileService.SignupResult result = profiles.signUp(form);
        if (result.errors().any()) {
            form.password = null; // never echo a password back into the page
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.signup(form, result.errors(), options.load())).build();
        }
        Person person = result.person();
        Response welcome = Flash.redirect("/profile", "Welcome to Bridgeway, " + person.fullName
                + "! Your account is ready and you are signed in.");
        return Response.fromResponse(welcome)
                .header(HttpHeaders.SET_COOKIE, sessionCookie.signIn(person.id, person.sessionVersion)).build();
    }
}
