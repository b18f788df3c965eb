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
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The round pages over the round services: watch a round solve, review and adjust the draft, publish or
 * discard. Each action answers at the manager's place (search, pages, meeting): htmx gets the changed part,
 * a plain form a redirect to the same place and row; a refusal shows the reason there. Publish, discard and
 * unpair ask first: htmx with {@code hx-confirm}, without JavaScript on a confirm page.
 */
@Path("/rounds")
@RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RoundResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance round(RoundView round, ReviewPlace place, ReviewSummary summary, String problem);

        static native TemplateInstance round$progress(RoundView round);

        static native TemplateInstance changed(RoundView round, ReviewPlace place, String message, String part,
                long pairId);

        static native TemplateInstance confirm(RoundView round, ReviewPlace place, ReviewReads.Question question,
                String action, String button, boolean danger);

        static native TemplateInstance compare(RoundView round, RoundComparison comparison);
    }

    /** The place of the request being answered, for the exception mapper (form fields are read only once). */
    @RequestScoped
    static class ReviewRequest {
        ReviewPlace place = ReviewPlace.TOP;
    }

    @Inject
    RoundReads reads;

    @Inject
    ReviewReads review;

    @Inject
    RoundLifecycle lifecycle;

    @Inject
    PairEdits pairs;

    @Inject
    CircleEdits circles;

    @Inject
    Viewer viewer;

    @Inject
    HttpHeaders headers;

    @Inject
    ReviewRequest request;

    @GET
    @Path("{id}")
    public TemplateInstance round(@PathParam("id") long id, @Context UriInfo uri) {
        ReviewPlace place = ReviewPlace.of(uri.getQueryParameters());
        return Templates.round(reads.view(id, place.request()), place, review.summary(id), null);
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
        Response.ResponseBuilder response = Response.ok(Templates.round$progress(view));
        // Solved: htmx reloads the whole page to show the draft.
        return (view.solving() ? response : response.header("HX-Refresh", "true")).build();
    }

    @POST
    @Path("{id}/solve")
    public Response resolve(@PathParam("id") long id, @RestForm String version, @BeanParam ReviewPlace.Form form) {
        ReviewPlace place = at(form);
        lifecycle.resolve(id, version(version), viewer.email());
        return reload(id, place, "progress", RoundWords.SOLVING_AGAIN);
    }

    @POST
    @Path("{id}/stop")
    public Response stop(@PathParam("id") long id) {
        lifecycle.stop(id, viewer.email());
        return reload(id, ReviewPlace.TOP, "progress", RoundWords.STOPPING);
    }

    @POST
    @Path("{id}/pairs/{pairId}/pin")
    public Response pin(@PathParam("id") long id, @PathParam("pairId") long pairId, @RestForm String version,
            @RestForm String pinned, @BeanParam ReviewPlace.Form form) {
        ReviewPlace place = at(form);
        String message = RoundWords.pairChange(pairs.pin(id, pairId, FormFields.checked(pinned), version(version),
                viewer.email()));
        return changed(id, place, "pair-" + pairId, message, "pair", pairId);
    }

    /** Without JavaScript, unpairing asks first on a page of its own. */
    @GET
    @Path("{id}/pairs/{pairId}/unpair")
    public TemplateInstance confirmUnpair(@PathParam("id") long id, @PathParam("pairId") long pairId,
            @Context UriInfo uri) {
        return confirm(id, uri, review.unpair(id, pairId), "/rounds/" + id + "/pairs/" + pairId + "/unpair", "Unpair",
                true);
    }

    @POST
    @Path("{id}/pairs/{pairId}/unpair")
    public Response unpair(@PathParam("id") long id, @PathParam("pairId") long pairId, @RestForm String version,
            @BeanParam ReviewPlace.Form form) {
        ReviewPlace place = at(form);
        String message = RoundWords.pairChange(pairs.unpair(id, pairId, version(version), viewer.email()));
        return changed(id, place, "pairs", message, "unpaired", pairId);
    }

    @POST
    @Path("{id}/pairs")
    public Response force(@PathParam("id") long id, @RestForm String mentorEmail, @RestForm String menteeEmail,
            @RestForm String version, @BeanParam ReviewPlace.Form form) {
        ReviewPlace place = at(form);
        long mentor = reads.personId(mentorEmail, "mentor", "mentorEmail");
        long mentee = reads.personId(menteeEmail, "mentee", "menteeEmail");
        String message = RoundWords.pairChange(pairs.force(id, mentor, mentee, version(version), viewer.email()));
        return changed(id, place, review.pairAnchor(id, mentee), message, "pairs", 0);
    }

    @POST
    @Path("{id}/circles/move")
    public Response move(@PathParam("id") long id, @RestForm String personEmail, @RestForm String meeting,
            @RestForm String circle, @RestForm String version, @BeanParam ReviewPlace.Form form) {
        ReviewPlace place = at(form);
        Long circleNumber = FormFields.parseLong(circle);
        Long meetingIndex = FormFields.parseLong(meeting);
        if (circleNumber == null || meetingIndex == null) {
            throw new RuleViolationException("Enter the number of the circle to move the person to.", "circle");
        }
        long person = reads.personId(personEmail, "circle member", "personEmail");
        String message = RoundWords.circleMove(circles.move(id, person, meetingIndex.intValue(), circleNumber.intValue(),
                version(version), viewer.email()));
        return changed(id, place, review.circleAnchor(id, meetingIndex.intValue(), circleNumber.intValue()), message,
                "circles", 0);
    }

    /** Publishing mails everyone: without JavaScript it asks first on a page of its own. */
    @GET
    @Path("{id}/publish")
    public TemplateInstance confirmPublish(@PathParam("id") long id, @Context UriInfo uri) {
        return confirm(id, uri, review.publish(id), "/rounds/" + id + "/publish", "Publish and notify", false);
    }

    @POST
    @Path("{id}/publish")
    public Response publish(@PathParam("id") long id, @BeanParam ReviewPlace.Form form) {
        ReviewPlace place = at(form);
        return reload(id, place, null, RoundWords.published(lifecycle.publish(id, viewer.email())));
    }

    @GET
    @Path("{id}/discard")
    public TemplateInstance confirmDiscard(@PathParam("id") long id, @Context UriInfo uri) {
        return confirm(id, uri, review.discard(id), "/rounds/" + id + "/discard", "Discard draft", true);
    }

    @POST
    @Path("{id}/discard")
    public Response discard(@PathParam("id") long id, @BeanParam ReviewPlace.Form form) {
        ReviewPlace place = at(form);
        lifecycle.discard(id, viewer.email());
        return reload(id, place, null, RoundWords.DISCARDED);
    }

    /**
     * A refused (400) or stale (409) change: the round page again at the manager's place, with the reason at the
     * top; for htmx the reason alone (htmx swaps only 2xx answers, and the rest of the page stays as it was).
     */
    @ServerExceptionMapper({RuleViolationException.class, StaleEditException.class})
    public Response refused(RuntimeException e, UriInfo uri) {
        long id = Long.parseLong(uri.getPathParameters().getFirst("id"));
        ReviewPlace place = request.place;
        RoundView view = reads.view(id, place.request());
        if (htmx()) {
            return Response.ok(Templates.changed(view, place, e.getMessage(), "problem", 0).render())
                    .type(MediaType.TEXT_HTML).header("HX-Reswap", "none").build();
        }
        String page = Templates.round(view, place, review.summary(id), e.getMessage()).render();
        return Response.status(e instanceof StaleEditException ? 409 : 400).type(MediaType.TEXT_HTML).entity(page).build();
    }

    /** Remembers where the manager stands, for the answer and for a refusal. */
    private ReviewPlace at(ReviewPlace.Form form) {
        request.place = form.place();
        return request.place;
    }

    /** After a change to part of the page: htmx redraws that part in place, a plain form returns to the anchor. */
    private Response changed(long id, ReviewPlace place, String anchor, String message, String part, long pairId) {
        if (!htmx()) {
            return Flash.redirect(place.url(id, anchor), message);
        }
        return Response.ok(Templates.changed(reads.view(id, place.request()), place, message, part, pairId).render())
                .type(MediaType.TEXT_HTML).build();
    }

    /** After a change to the whole round (solve, publish, discard): the page again at the same place. */
    private Response reload(long id, ReviewPlace place, String anchor, String message) {
        return htmx() ? Flash.htmxRedirect(place.url(id, anchor), message) : Flash.redirect(place.url(id, anchor), message);
    }

    private TemplateInstance confirm(long id, UriInfo uri, ReviewReads.Question question, String action, String button,
            boolean danger) {
        ReviewPlace place = ReviewPlace.of(uri.getQueryParameters());
        return Templates.confirm(reads.view(id, place.request()), place, question, action, button, danger);
    }

    private boolean htmx() {
        return headers.getHeaderString("HX-Request") != null;
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
