package io.bridgeway.rounds;

import io.bridgeway.security.Role;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.StaleEditException;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The round page: watch a round solve and see its draft or result, and compare it with the previous round. The
 * changes made on it are {@link RoundReviewResource} (pairs and circles) and {@link RoundDecisionResource} (the
 * round as a whole); all three answer through {@link RoundAnswers}, and the templates live under
 * {@code templates/RoundResource/}.
 */
@Path("/rounds")
@RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class RoundResource {

    @Inject
    RoundReads reads;

    @Inject
    RoundAnswers answers;

    @GET
    @Path("{id}")
    public TemplateInstance round(@PathParam("id") long id, @Context UriInfo uri) {
        return answers.page(id, ReviewPlace.of(uri.getQueryParameters()), null);
    }

    @GET
    @Path("{id}/compare")
    public TemplateInstance compare(@PathParam("id") long id) {
        return RoundAnswers.Templates.compare(reads.view(id, RoundReads.PageRequest.FIRST), reads.comparison(id));
    }

    /** The live status box; htmx polls it while the round solves. */
    @GET
    @Path("{id}/progress")
    public Response progress(@PathParam("id") long id) {
        RoundView view = reads.view(id, RoundReads.PageRequest.FIRST);
        Response.ResponseBuilder response = Response.ok(RoundAnswers.Templates.round$progress(view));
        // Solved: htmx reloads the whole page to show the draft.
        return (view.solving() ? response : response.header("HX-Refresh", "true")).build();
    }

    @ServerExceptionMapper({RuleViolationException.class, StaleEditException.class})
    public Response refused(RuntimeException e, UriInfo uri) {
        return answers.refused(e, uri);
    }
}
