package io.bridgeway.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Pages change state only through web forms. quarkus-rest-csrf checks the token of form posts and skips
 * every other content type, so a {@code text/plain} post (which any site can send cross-origin) would go
 * through unchecked: refuse it here, before the CSRF filter and before the resource. The JSON API under
 * {@code /api/} signs in with HTTP Basic only (no cookies), so it needs no token.
 */
public class FormPostsOnly {

    private static final char REPLACEMENT = '\uFFFD';
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

    /**
     * Form decoding turns bytes that are not UTF-8 into U+FFFD without complaint; refuse such a form
     * before anything reads it, so no mangled text is ever stored.
     */
    @ServerRequestFilter
    @WithFormRead
    public Response refuseInvalidUtf8(ResteasyReactiveContainerRequestContext request) {
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        if (form == null) {
            return null;
        }
        for (String name : form) {
            boolean mangled = name.indexOf(REPLACEMENT) >= 0 || form.get(name).stream()
                    .anyMatch(value -> !value.isFileItem() && value.getValue() != null
                            && value.getValue().indexOf(REPLACEMENT) >= 0);
            if (mangled) {
                return ErrorPages.respond(400, "Bad request", "The form contained bytes that are not valid UTF-8 text. "
                        + "Nothing was saved.", request.getUriInfo().getPath());
            }
        }
        return null;
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
