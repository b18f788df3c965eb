package io.bridgeway.rounds;

import io.bridgeway.security.Role;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.Viewer;
import io.bridgeway.people.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.StaleEditException;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The round pages: start a round, watch it solve, review and adjust the draft, publish or discard.
 * Each action redirects back with what changed and its score impact, or re-renders with the reason.
 */
@Path("/rounds")
@RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class RoundResource {

    /** Starting a round lives under its programme's path. */
    @Path("/programs/{programId}/rounds")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    public static class Start {

        @Inject
        RoundService rounds;

        @Inject
        Viewer viewer;

        @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public Response start(@PathParam("programId") long programId) {
            long roundId = rounds.start(programId, viewer.email());
            return Flash.redirect("/rounds/" + roundId, "Matching round started.");
        }

        /** A refused start goes back to the programme page with the reason. */
        @ServerExceptionMapper
        public Response refused(RuleViolationException e, UriInfo uri) {
            return Flash.redirect("/programs/" + uri.getPathParameters().getFirst("programId"), e.getMessage());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance round(RoundView round, String problem);

        static native TemplateInstance round$progress(RoundView round, String problem);

        static native TemplateInstance compare(RoundView round, RoundComparison comparison);
    }

    @Inject
    RoundService rounds;

    @Inject
    RoundProgress progress;

    @Inject
    Viewer viewer;

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance round(@PathParam("id") long id, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("unmatchedPage") @DefaultValue("0") int unmatchedPage,
            @QueryParam("meeting") @DefaultValue("0") int meeting,
            @QueryParam("circlePage") @DefaultValue("0") int circlePage, @QueryParam("pinned") boolean pinnedOnly) {
        return Templates.round(RoundView.of(RoundService.round(id), progress.of(id), q, page, unmatchedPage, meeting,
                circlePage, pinnedOnly), null);
    }

    @GET
    @Path("{id}/compare")
    @Transactional
    public TemplateInstance compare(@PathParam("id") long id) {
        return Templates.compare(view(id, null, 0, 0), RoundComparison.of(RoundService.round(id)));
    }

    /** The live status box; htmx polls it while the round solves. */
    @GET
    @Path("{id}/progress")
    @Transactional
    public Response progress(@PathParam("id") long id) {
        RoundView view = view(id, null, 0, 0);
        Response.ResponseBuilder response = Response.ok(Templates.round$progress(view, null));
        // Solved: htmx reloads the whole page to show the draft.
        return (view.solving() ? response : response.header("HX-Refresh", "true")).build();
    }

    @POST
    @Path("{id}/solve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") long id, @RestForm String version) {
        return act(id, () -> {
            rounds.resolve(id, version(version), viewer.email());
            return "Solving again: pinned pairs stay, everything else is re-optimised.";
        });
    }

    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(@PathParam("id") long id) {
        return act(id, () -> {
            rounds.stop(id, viewer.email());
            return "Stopping: the best solution found so far will be kept.";
        });
    }

    @POST
    @Path("{id}/pairs/{pairId}/pin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pin(@PathParam("id") long id, @PathParam("pairId") long pairId, @RestForm String version,
            @RestForm String pinned) {
        return act(id, () -> rounds.pin(id, pairId, FormFields.checked(pinned), version(version), viewer.email()).describe());
    }

    @POST
    @Path("{id}/pairs/{pairId}/unpair")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unpair(@PathParam("id") long id, @PathParam("pairId") long pairId, @RestForm String version) {
        return act(id, () -> rounds.unpair(id, pairId, version(version), viewer.email()).describe());
    }

    @POST
    @Path("{id}/pairs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response force(@PathParam("id") long id, @RestForm String mentorEmail, @RestForm String menteeEmail,
            @RestForm String version) {
        return act(id, () -> rounds.force(id, personId(mentorEmail, "mentor"), personId(menteeEmail, "mentee"),
                version(version), viewer.email()).describe());
    }

    @POST
    @Path("{id}/circles/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @RestForm String personEmail, @RestForm String meeting,
            @RestForm String circle, @RestForm String version) {
        return act(id, () -> {
            Long circleNumber = FormFields.parseLong(circle);
            Long meetingIndex = FormFields.parseLong(meeting);
            if (circleNumber == null || meetingIndex == null) {
                throw new RuleViolationException("Enter the number of the circle to move the person to.");
            }
            return rounds.moveToCircle(id, personId(personEmail, "circle member"), meetingIndex.intValue(),
                    circleNumber.intValue(), version(version), viewer.email());
        });
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id) {
        return act(id, () -> rounds.publish(id, viewer.email())
                ? "Round published: participants are notified."
                : "This round was already published; nothing was sent again.");
    }

    @POST
    @Path("{id}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response discard(@PathParam("id") long id) {
        return act(id, () -> {
            rounds.discard(id, viewer.email());
            return "Round discarded. Nobody was notified.";
        });
    }

    /** Runs a change and redirects with its message; a refusal re-renders the round (see the mappers below). */
    private Response act(long id, Supplier<String> change) {
        return Flash.redirect("/rounds/" + id, change.get());
    }

    @ServerExceptionMapper
    public Response refused(RuleViolationException e, UriInfo uri) {
        return problem(uri, Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response stale(StaleEditException e, UriInfo uri) {
        return problem(uri, Response.Status.CONFLICT, e.getMessage());
    }

    /** The round page again, with the reason at the top. */
    private Response problem(UriInfo uri, Response.Status status, String message) {
        long id = Long.parseLong(uri.getPathParameters().getFirst("id"));
        String page = QuarkusTransaction.requiringNew().call(() -> Templates.round(view(id, null, 0, 0), message).render());
        return Response.status(status).type(MediaType.TEXT_HTML).entity(page).build();
    }

    private RoundView view(long id, String q, int page, int unmatchedPage) {
        return RoundView.of(RoundService.round(id), progress.of(id), q, page, unmatchedPage);
    }

    private static long version(String raw) {
        Long version = FormFields.parseLong(raw);
        if (version == null) {
            throw new RuleViolationException("The form is missing the round's version. Reload the page and try again.");
        }
        return version;
    }

    private static long personId(String email, String role) {
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            Person person = email == null || email.isBlank() ? null : Person.findByEmail(email);
            return person == null ? null : person.id;
        });
        if (id == null) {
            throw new RuleViolationException("Enter the email of a " + role + " in this round"
                    + (email == null || email.isBlank() ? "." : ": nobody has the email " + email.strip() + "."));
        }
        return id;
    }
}
