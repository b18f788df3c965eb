package io.bridgeway.rounds;

import io.bridgeway.security.Role;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.StaleEditException;
import io.bridgeway.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The round pages over the round services: watch a round solve, review and adjust the draft, publish or
 * discard. Each action redirects back with what changed; a refusal shows the round again with the reason.
 */
@Path("/rounds")
@RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RoundResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance round(RoundView round, String problem);

        static native TemplateInstance round$progress(RoundView round, String problem);

        static native TemplateInstance compare(RoundView round, RoundComparison comparison);
    }

    @Inject
    RoundReads reads;

    @Inject
    RoundLifecycle lifecycle;

    @Inject
    PairEdits pairs;

    @Inject
    CircleEdits circles;

    @Inject
    Viewer viewer;

    @GET
    @Path("{id}")
    public TemplateInstance round(@PathParam("id") long id, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("unmatchedPage") @DefaultValue("0") int unmatchedPage,
            @QueryParam("meeting") @DefaultValue("0") int meeting,
            @QueryParam("circlePage") @DefaultValue("0") int circlePage, @QueryParam("pinned") boolean pinnedOnly) {
        return Templates.round(reads.view(id, new RoundReads.PageRequest(q, page, unmatchedPage, meeting, circlePage,
                pinnedOnly)), null);
    }

    @GET
    @Path("{id}/compare")
    public TemplateInstance compare(@PathParam("id") long id) {
        return Templates.compare(reads.view(id, RoundReads.PageRequest.FIRST), reads.comparison(id));
    }

    /** The live status box; htmx polls it while the round solves. */
    @GET
    @Path("{id}/progress")
    public Response progress(@PathParam("id") long id) {
        RoundView view = reads.view(id, RoundReads.PageRequest.FIRST);
        Response.ResponseBuilder response = Response.ok(Templates.round$progress(view, null));
        // Solved: htmx reloads the whole page to show the draft.
        return (view.solving() ? response : response.header("HX-Refresh", "true")).build();
    }

    @POST
    @Path("{id}/solve")
    public Response resolve(@PathParam("id") long id, @RestForm String version) {
        lifecycle.resolve(id, version(version), viewer.email());
        return done(id, RoundWords.SOLVING_AGAIN);
    }

    @POST
    @Path("{id}/stop")
    public Response stop(@PathParam("id") long id) {
        lifecycle.stop(id, viewer.email());
        return done(id, RoundWords.STOPPING);
    }

    @POST
    @Path("{id}/pairs/{pairId}/pin")
    public Response pin(@PathParam("id") long id, @PathParam("pairId") long pairId, @RestForm String version,
            @RestForm String pinned) {
        return done(id, RoundWords.pairChange(pairs.pin(id, pairId, FormFields.checked(pinned), version(version),
                viewer.email())));
    }

    @POST
    @Path("{id}/pairs/{pairId}/unpair")
    public Response unpair(@PathParam("id") long id, @PathParam("pairId") long pairId, @RestForm String version) {
        return done(id, RoundWords.pairChange(pairs.unpair(id, pairId, version(version), viewer.email())));
    }

    @POST
    @Path("{id}/pairs")
    public Response force(@PathParam("id") long id, @RestForm String mentorEmail, @RestForm String menteeEmail,
            @RestForm String version) {
        long mentor = reads.personId(mentorEmail, "mentor", "mentorEmail");
        long mentee = reads.personId(menteeEmail, "mentee", "menteeEmail");
        return done(id, RoundWords.pairChange(pairs.force(id, mentor, mentee, version(version), viewer.email())));
    }

    @POST
    @Path("{id}/circles/move")
    public Response move(@PathParam("id") long id, @RestForm String personEmail, @RestForm String meeting,
            @RestForm String circle, @RestForm String version) {
        Long circleNumber = FormFields.parseLong(circle);
        Long meetingIndex = FormFields.parseLong(meeting);
        if (circleNumber == null || meetingIndex == null) {
            throw new RuleViolationException("Enter the number of the circle to move the person to.", "circle");
        }
        long person = reads.personId(personEmail, "circle member", "personEmail");
        return done(id, RoundWords.circleMove(circles.move(id, person, meetingIndex.intValue(), circleNumber.intValue(),
                version(version), viewer.email())));
    }

    @POST
    @Path("{id}/publish")
    public Response publish(@PathParam("id") long id) {
        return done(id, RoundWords.published(lifecycle.publish(id, viewer.email())));
    }

    @POST
    @Path("{id}/discard")
    public Response discard(@PathParam("id") long id) {
        lifecycle.discard(id, viewer.email());
        return done(id, RoundWords.DISCARDED);
    }

    /** A refused (400) or stale (409) change: the round page again, with the reason at the top. */
    @ServerExceptionMapper({RuleViolationException.class, StaleEditException.class})
    public Response refused(RuntimeException e, UriInfo uri) {
        long id = Long.parseLong(uri.getPathParameters().getFirst("id"));
        String page = Templates.round(reads.view(id, RoundReads.PageRequest.FIRST), e.getMessage()).render();
        return Response.status(e instanceof StaleEditException ? 409 : 400).type(MediaType.TEXT_HTML).entity(page).build();
    }

    private static Response done(long id, String message) {
        return Flash.redirect("/rounds/" + id, message);
    }

    private static long version(String raw) {
        Long version = FormFields.parseLong(raw);
        if (version == null) {
            throw new RuleViolationException("The form is missing the round's version. Reload the page and try again.",
                    "version");
        }
        return version;
    }
}
