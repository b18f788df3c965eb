package io.bridgeway.security;

import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
        /** How recent a company sign-in must be to make a token on an account without a password. */
        static final Duration RECENT_SIGN_IN = Duration.ofMinutes(10);

        @CheckedTemplate(basePath = "ApiTokenResource")
        static class Templates {
            static native TemplateInstance tokens(List<ApiTokens.Listed> tokens, String name, String expiresOn,
                    FormErrors errors, ApiTokens.Created created, int maxTokens, int maxNameLength,
                    boolean hasPassword);
        }

        @Inject
        Viewer viewer;

        @Inject
        ApiTokens tokens;

        @Inject
        PasswordLogin passwordLogin;

        @Inject
        AccountLookup accounts;

        @Inject
        SecurityIdentity identity;

        @Inject
        RoutingContext routing;

        Clock clock = Clock.systemUTC();

        @GET
        public TemplateInstance page() {
            return page("", "", FormErrors.none(), null, hasPassword());
        }

        /** Answers with the page itself, not a redirect: the secret is shown in this one answer and never again. */
        @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public Response create(@FormParam("name") String name, @FormParam("expiresOn") String expiresOn,
                @FormParam("password") String password) {
            boolean hasPassword = hasPassword(); // read once: it decides the check and the form shown back
            FormErrors refused = FormErrors.none();
            Optional<Duration> retryAfter = confirmIdentity(hasPassword, password, refused);
            if (refused.any()) {
                Response.ResponseBuilder answer = Response.status(retryAfter.isPresent() ? 429 : 400)
                        .entity(page(name, expiresOn, refused, null, hasPassword));
                retryAfter.ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER, Math.max(1, wait.toSeconds())));
                return answer.build();
            }
            ApiTokens.Created created = tokens.create(viewer.personId(), name, expiresOn);
            if (created.errors().any()) {
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(page(name, expiresOn, created.errors(), null, hasPassword)).build();
            }
            return Response.ok(page("", "", FormErrors.none(), created, hasPassword)).build();
        }

        /**
         * The owner, not just their session: the current password (checked, and throttled, like a sign-in), or
         * for an account without one a company sign-in less than {@link #RECENT_SIGN_IN} ago. Adds the refusal
         * to {@code errors}; returns the wait when the password checks are throttled.
         */
        private Optional<Duration> confirmIdentity(boolean hasPassword, String password, FormErrors errors) {
            if (hasPassword) {
                if (password == null || password.isEmpty()) {
                    errors.add("password", "Your password: type your current password to make a token.");
                    return Optional.empty();
                }
                PasswordLogin.Outcome outcome = passwordLogin.attempt(viewer.email(), password,
                        PersonIdentityProviders.clientAddress(routing));
                if (outcome instanceof PasswordLogin.Throttled throttled) {
                    errors.add("password", "Your password: too many wrong passwords. Try again in "
                            + LoginThrottle.inWords(throttled.retryAfter()) + ".");
                    return Optional.of(throttled.retryAfter());
                }
                if (!(outcome instanceof PasswordLogin.SignedIn signedIn)
                        || signedIn.account().personId() != viewer.personId()) {
                    errors.add("password", "Your password: that is not your current password.");
                }
                return Optional.empty();
            }
            SessionTokens.SessionToken session = identity.getAttribute(PersonIdentityProviders.SESSION);
            if (session == null || session.issuedAt().plus(RECENT_SIGN_IN).isBefore(clock.instant())) {
                errors.add("password", "To make a token, sign out and sign in again with your company account, "
                        + "then make it within " + RECENT_SIGN_IN.toMinutes() + " minutes.");
            }
            return Optional.empty();
        }

        private boolean hasPassword() {
            return accounts.findActive(viewer.personId()).map(account -> account.passwordHash() != null).orElse(false);
        }

        @POST
        @Path("{tokenId}/revoke")
        public Response revoke(@PathParam("tokenId") long tokenId) {
            if (!tokens.revoke(viewer.personId(), tokenId)) {
                throw new NotFoundException(); // not a token of the viewer's own
            }
            return Flash.redirect(PATH, "The token is revoked: scripts using it are refused from now on.");
        }

        private TemplateInstance page(String name, String expiresOn, FormErrors errors, ApiTokens.Created created,
                boolean hasPassword) {
            return Templates.tokens(tokens.of(viewer.personId()), name, expiresOn, errors, created,
                    ApiTokens.MAX_PER_PERSON, ApiTokens.MAX_NAME_LENGTH, hasPassword);
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
