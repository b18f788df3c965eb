package io.bridgeway.rounds;

import static io.bridgeway.rounds.RoundAnswers.version;

import io.bridgeway.security.Role;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.StaleEditException;
import io.bridgeway.web.UnavailableException;
import io.bridgeway.web.Viewer;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Decisions about a round as a whole: solve it again, stop a solve, publish or discard the draft. Each reloads the
 * round page at the manager's place through {@link RoundAnswers}. Publishing mails everyone and discarding loses
 * the draft, so both ask first (htmx {@code hx-confirm}, without JavaScript a confirm page).
 */
@Path("/rounds")
@RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RoundDecisionResource {

    @Inject
    ReviewReads review;

    @Inject
    RoundLifecycle lifecycle;

    @Inject
    Viewer viewer;

    @Inject
    RoundAnswers answers;

    @POST
    @Path("{id}/solve")
    public Response resolve(@PathParam("id") long id, @RestForm String version, @BeanParam ReviewPlace.Form form) {
        answers.at(form);
        lifecycle.resolve(id, version(version), viewer.email());
        return answers.reload(id, "progress", RoundWords.SOLVING_AGAIN);
    }

    @POST
    @Path("{id}/stop")
    public Response stop(@PathParam("id") long id) {
        lifecycle.stop(id, viewer.email());
        return answers.reload(id, "progress", RoundWords.STOPPING);
    }

    @GET
    @Path("{id}/publish")
    public TemplateInstance confirmPublish(@PathParam("id") long id, @QueryParam("version") String version,
            @Context UriInfo uri) {
        return answers.confirm(id, uri, review.publish(id, RoundAnswers.seenVersion(version)), "/rounds/" + id
                + "/publish", "Publish and notify", false);
    }

    @POST
    @Path("{id}/publish")
    public Response publish(@PathParam("id") long id, @RestForm String version, @BeanParam ReviewPlace.Form form) {
        answers.at(form);
        return answers.reload(id, null, RoundWords.published(lifecycle.publish(id, RoundAnswers.seenVersion(version),
                viewer.email())));
    }

    @GET
    @Path("{id}/discard")
    public TemplateInstance confirmDiscard(@PathParam("id") long id, @QueryParam("version") String version,
            @Context UriInfo uri) {
        return answers.confirm(id, uri, review.discard(id, RoundAnswers.seenVersion(version)), "/rounds/" + id
                + "/discard", "Discard draft", true);
    }

    @POST
    @Path("{id}/discard")
    public Response discard(@PathParam("id") long id, @RestForm String version, @BeanParam ReviewPlace.Form form) {
        answers.at(form);
        lifecycle.discard(id, RoundAnswers.seenVersion(version), viewer.email());
        return answers.reload(id, null, RoundWords.DISCARDED);
    }

    @ServerExceptionMapper({RuleViolationException.class, StaleEditException.class, UnavailableException.class})
    public Response refused(RuntimeException e, UriInfo uri) {
        return answers.refused(e, uri);
    }
}
