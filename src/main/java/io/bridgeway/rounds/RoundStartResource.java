package io.bridgeway.rounds;

import io.bridgeway.programs.Program;
import io.bridgeway.programs.ProgramRounds;
import io.bridgeway.security.Role;
import io.bridgeway.web.Flash;
import io.bridgeway.web.Found;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.UnavailableException;
import io.bridgeway.web.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Starting a round, under its programme's path: the page's form (session cookie, CSRF) and the API
 * (HTTP Basic) need two addresses; both are one call to {@link RoundLifecycle#start}. The API also lists
 * the programme's rounds there.
 */
public class RoundStartResource {

    @Inject
    RoundLifecycle lifecycle;

    @Inject
    Viewer viewer;

    RoundLifecycle.Started startRound(long programId) {
        return lifecycle.start(programId, viewer.email());
    }

    @Path("/programs/{programId}/rounds")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    public static class Page extends RoundStartResource {

        @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        @Produces(MediaType.TEXT_HTML)
        public Response start(@PathParam("programId") long programId) {
            return Flash.redirect("/rounds/" + startRound(programId).roundId(), RoundWords.STARTED);
        }

        /** A refused start, or one whose solve could not start, goes back to the programme page with the reason. */
        @ServerExceptionMapper({RuleViolationException.class, UnavailableException.class})
        public Response refused(RuntimeException e, UriInfo uri) {
            return Flash.redirect("/programs/" + uri.getPathParameters().getFirst("programId"), e.getMessage());
        }
    }

    @Path("/api/v1/programs/{programId}/rounds")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Tag(name = "Rounds")
    public static class Api extends RoundStartResource {

        @POST
        @Produces(MediaType.APPLICATION_JSON)
        @Operation(summary = "Start a matching round: snapshot the participants and solve in the background")
        public Response start(@PathParam("programId") long programId) {
            RoundLifecycle.Started started = startRound(programId);
            return Response.status(Response.Status.ACCEPTED).entity(new RoundJson.Done(started.roundId(),
                    RoundStatus.DRAFT, SolveState.SOLVING, RoundWords.STARTED)).build();
        }

        /** A programme's rounds, newest first, as its page lists them. */
        public record ProgramRoundsJson(long programId, String program, List<ProgramRounds.RoundLink> rounds) {
        }

        @Inject
        RoundLinks links;

        @GET
        @Transactional
        @Produces(MediaType.APPLICATION_JSON)
        @Operation(summary = "A programme's rounds, newest first (programme managers and admins)")
        public ProgramRoundsJson rounds(@PathParam("programId") long programId) {
            Program program = Found.orNotFound(Program.findById(programId));
            return new ProgramRoundsJson(program.id, program.name, links.of(program));
        }
    }
}
