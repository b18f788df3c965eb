package io.bridgeway.security;

import io.bridgeway.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The login page (the form posts to Quarkus' j_security_check) and logout. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String email, boolean failed);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    SessionCookie sessionCookie;

    @GET
    @Path("login")
    public Response login(@QueryParam("email") String email, @QueryParam("error") boolean error) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/profile")).build();
        }
        return Response.ok()
                .entity(Templates.login(email, error)).build();
    }

    /** Ends the session by expiring the encrypted session cookie. POST only, with CSRF protection. */
    @POST
    @Path("logout")
    public Response logout() {
        Response flash = Flash.redirect("/", "You have signed out.");
        return Response.fromResponse(flash).cookie(sessionCookie.expired()).build();
    }
}
