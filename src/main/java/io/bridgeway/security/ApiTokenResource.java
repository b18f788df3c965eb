package io.bridgeway.security;

import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's personal API tokens: a page under the profile, and a small API to list and revoke. */
public final class ApiTokenResource {

    private ApiTokenResource() {
    }

    @Path("/profile/api-tokens")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public static class Page {

        static final String PATH = "/profile/api-tokens";

        @CheckedTemplate(basePath = "ApiTokenResource")
        static class Templates {
            static native TemplateInstance tokens(List<ApiTokens.Listed> tokens, String name, String expiresOn,
                    FormErrors errors, ApiTokens.Created created, int maxTokens, int maxNameLength);
        }

        @Inject
        Viewer viewer;

        @Inject
        ApiTokens tokens;

        @GET
        public TemplateInstance page() {
            return page("", "", FormErrors.none(), null);
        }

        /** Answers with the page itself, not a redirect: the secret is shown in this one answer and never again. */
        @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public Response create(@FormParam("name") String name, @FormParam("expiresOn") String expiresOn) {
            ApiTokens.Created created = tokens.create(viewer.personId(), name, expiresOn);
            if (created.errors().any()) {
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(page(name, expiresOn, created.errors(), null)).build();
            }
            return Response.ok(page("", "", FormErrors.none(), created)).build();
        }

        @POST
        @Path("{tokenId}/revoke")
        public Response revoke(@PathParam("tokenId") long tokenId) {
            if (!tokens.revoke(viewer.personId(), tokenId)) {
                throw new NotFoundException(); // not a token of the viewer's own
            }
            return Flash.redirect(PATH, "The token is revoked: scripts using it are refused from now on.");
        }

        private TemplateInstance page(String name, String expiresOn, FormErrors errors, ApiTokens.Created created) {
            return Templates.tokens(tokens.of(viewer.personId()), name, expiresOn, errors, created,
                    ApiTokens.MAX_PER_PERSON, ApiTokens.MAX_NAME_LENGTH);
        }
    }

    /** Listing and revoking work with any credential; making a token needs the signed-in page (shown once). */
    @Path("/api/v1/me/api-tokens")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "People")
    public static class Api {

        @Inject
        Viewer viewer;

        @Inject
        ApiTokens tokens;

        @GET
        @Operation(summary = "My personal API tokens (never their secrets)")
        public List<ApiTokens.Listed> mine() {
            return tokens.of(viewer.personId());
        }

        @DELETE
        @Path("{tokenId}")
        @Operation(summary = "Revoke one of my API tokens; 404 when it is not mine")
        public Response revoke(@PathParam("tokenId") long tokenId) {
            if (!tokens.revoke(viewer.personId(), tokenId)) {
                throw new NotFoundException();
            }
            return Response.noContent().build();
        }
    }
}
