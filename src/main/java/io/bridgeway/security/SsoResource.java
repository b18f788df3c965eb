package io.bridgeway.security;

import jakarta.annotation.security.PermitAll;
import io.bridgeway.BridgewayConfig;
import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * "Sign in with your company account". Only /sso/* goes through the OIDC code flow
 * ({@code quarkus.http.auth.permission.sso}); here the verified ID token is exchanged for the usual
 * {@code bw-session} cookie, and the OIDC session cookie is dropped at once, so every other page keeps
 * using {@link SessionAuthenticationMechanism} alone.
 */
@Path("/sso")
@Produces(MediaType.TEXT_HTML)
// the code flow itself is required by the "sso" HTTP permission (application.properties)
@PermitAll
public class SsoResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String title, String message);
    }

    static final String NOT_IN_BRIDGEWAY = "Your account is not in Bridgeway yet. Ask HR or a Bridgeway admin to add you, then sign in again.";
    static final String DEACTIVATED = "Your Bridgeway account is deactivated. Ask a Bridgeway admin if you need it again.";
    static final String UNVERIFIED = "Your company account's e-mail address is not verified, so Bridgeway cannot tell who you are. Ask IT to verify it.";

    @Inject
    BridgewayConfig config;

    @Inject
    SsoSignIn ssoSignIn;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    @IdToken
    Instance<JsonWebToken> idToken;

    @Inject
    Instance<OidcSession> oidcSession;

    @GET
    @Path("login")
    public Response login(@QueryParam("next") String next) {
        if (!config.sso().enabled()) {
            throw new NotFoundException();
        }
        JsonWebToken token = idToken.get();
        // The bw-session cookie carries the sign-in from here on; an OIDC session left behind would only go stale.
        oidcSession.get().logout().await().indefinitely();
        if (Boolean.FALSE.equals(booleanClaim(token.getClaim("email_verified")))) {
            return refused("Email not verified", UNVERIFIED);
        }
        String email = stringClaim(token.getClaim(config.sso().emailClaim()));
        Collection<String> groups = config.sso().rolesClaim().map(claim -> listClaim(token.getClaim(claim))).orElse(null);
        SsoSignIn.Outcome outcome = ssoSignIn.signIn(email, groups);
        if (outcome instanceof SsoSignIn.SignedIn signedIn) {
            return Response.seeOther(URI.create(LoginRedirects.orDefault(next)))
                    .header(HttpHeaders.SET_COOKIE, sessionCookie.signIn(signedIn.personId(), signedIn.sessionVersion()))
                    .build();
        }
        return outcome instanceof SsoSignIn.Deactivated ? refused("Account deactivated", DEACTIVATED)
                : refused("Not in Bridgeway yet", NOT_IN_BRIDGEWAY);
    }

    private static Response refused(String title, String message) {
        return Response.status(403).entity(Templates.refused(title, message)).build();
    }

    private static String stringClaim(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim instanceof String text ? text : null;
    }

    private static Boolean booleanClaim(Object claim) {
        if (claim instanceof Boolean flag) {
            return flag;
        }
        if (claim == JsonValue.TRUE || claim == JsonValue.FALSE) {
            return claim == JsonValue.TRUE;
        }
        return claim instanceof String text ? Boolean.valueOf(text) : null;
    }

    /** A groups claim as a list of names: a JSON array, a collection, or a single name. */
    private static List<String> listClaim(Object claim) {
        List<String> names = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> names.add(stringClaim(value)));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> names.add(value instanceof JsonString json ? json.getString() : String.valueOf(value)));
        } else if (stringClaim(claim) != null) {
            names.add(stringClaim(claim));
        }
        names.removeIf(name -> name == null);
        return names;
    }
}
