package io.bridgeway.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Pages change state only through web forms. quarkus-rest-csrf checks the token of form posts and skips
 * every other content type, so a {@code text/plain} post (which any site can send cross-origin) would go
 * through unchecked: refuse it here, before the CSRF filter and before the resource. The JSON API under
 * {@code /api/} signs in with HTTP Basic only (no cookies), so it needs no token.
 */
public class FormPostsOnly {

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @ServerRequestFilter(preMatching = true)
    public Response refuseNonFormPosts(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getUriInfo().getPath().startsWith("/api/")
                || isForm(request.getMediaType())) {
            return null;
        }
        return ErrorPages.respond(400, "Bad request",
                "This address accepts only web forms (application/x-www-form-urlencoded or multipart/form-data). "
                        + "Send the form from its page.", request.getUriInfo().getPath());
    }

    /** Exactly the two types the CSRF filter verifies (no wildcards, which would match anything). */
    private static boolean isForm(MediaType type) {
        return type != null && (sameType(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || sameType(type, MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private static boolean sameType(MediaType a, MediaType b) {
        return a.getType().equalsIgnoreCase(b.getType()) && a.getSubtype().equalsIgnoreCase(b.getSubtype());
    }
}
