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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.NotFoundException;
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
        static native TemplateInstance round(RoundView round, ReviewPlace place, ReviewSummary summary, String problem);

        static native TemplateInstance round$progress(RoundView round);

        static native TemplateInstance changed(RoundView round, ReviewPlace place, String message, String part,
                long pairId);

        static native TemplateInstance confirm(RoundView round, ReviewPlace place, String title, String question,
                String action, String button, boolean danger);

        static native TemplateInstance compare(RoundView round, RoundComparison comparison);
    }

    @Inject
    RoundService rounds;

    @Inject
    RoundProgress progress;

    @Inject
    Viewer viewer;

    @Inject
    HttpHeaders headers;

    @Inject
    ReviewRequest review;

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance round(@PathParam("id") long id, @Context UriInfo uri) {
        ReviewPlace place = ReviewPlace.of(uri.getQueryParameters());
        MatchingRound round = RoundService.round(id);
        return Templates.round(view(round, place), place, ReviewSummary.of(round), null);
    }

    @GET
    @Path("{id}/compare")
    @Transactional
    public TemplateInstance compare(@PathParam("id") long id) {
        return Templates.compare(view(RoundService.round(id), ReviewPlace.TOP), RoundComparison.of(RoundService.round(id)));
    }

    /** The live status box; htmx polls it while the round solves. */
    @GET
    @Path("{id}/progress")
    @Transactional
    public Response progress(@PathParam("id") long id) {
        RoundView view = view(RoundService.round(id), ReviewPlace.TOP);
        Response.ResponseBuilder response = Response.ok(Templates.round$progress(view));
        // Solved: htmx reloads the whole page to show the draft.
        return (view.solving() ? response : response.header("HX-Refresh", "true")).build();
    }

    @POST
    @Path("{id}/solve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") long id, @RestForm String version, @BeanParam ReviewPlace.Form place) {
        return act(id, place.place(), () -> {
            rounds.resolve(id, version(version), viewer.email());
            return Done.page("Solving again: pinned pairs stay, everything else is re-optimised.", "progress");
        });
    }

    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(@PathParam("id") long id) {
        return act(id, ReviewPlace.TOP, () -> {
            rounds.stop(id, viewer.email());
            return Done.page("Stopping: the best solution found so far will be kept.", "progress");
        });
    }

    @POST
    @Path("{id}/pairs/{pairId}/pin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pin(@PathParam("id") long id, @PathParam("pairId") long pairId, @RestForm String version,
            @RestForm String pinned, @BeanParam ReviewPlace.Form place) {
        return act(id, place.place(), () -> new Done(rounds.pin(id, pairId, FormFields.checked(pinned), version(version),
                viewer.email()).describe(), "pair-" + pairId, "pair", pairId));
    }

    /** Without JavaScript, unpairing asks first on a page of its own. */
    @GET
    @Path("{id}/pairs/{pairId}/unpair")
    @Transactional
    public TemplateInstance confirmUnpair(@PathParam("id") long id, @PathParam("pairId") long pairId,
            @Context UriInfo uri) {
        RoundPair pair = RoundPair.find("id = ?1 and round.id = ?2", pairId, id).firstResult();
        if (pair == null) {
            throw new NotFoundException();
        }
        String who = RoundView.nameOf(pair.mentor) + " and " + RoundView.nameOf(pair.mentee);
        return confirm(id, uri, "Unpair " + who + "?", RoundView.nameOf(pair.mentee)
                + " goes back to the unmatched list, and solving again will not pair them again.",
                "/rounds/" + id + "/pairs/" + pairId + "/unpair", "Unpair", true);
    }

    @POST
    @Path("{id}/pairs/{pairId}/unpair")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unpair(@PathParam("id") long id, @PathParam("pairId") long pairId, @RestForm String version,
            @BeanParam ReviewPlace.Form place) {
        return act(id, place.place(), () -> new Done(rounds.unpair(id, pairId, version(version), viewer.email()).describe(),
                "pairs", "unpaired", pairId));
    }

    @POST
    @Path("{id}/pairs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response force(@PathParam("id") long id, @RestForm String mentorEmail, @RestForm String menteeEmail,
            @RestForm String version, @BeanParam ReviewPlace.Form place) {
        return act(id, place.place(), () -> {
            long menteeId = personId(menteeEmail, "mentee");
            String message = rounds.force(id, personId(mentorEmail, "mentor"), menteeId, version(version),
                    viewer.email()).describe();
            Long pairId = QuarkusTransaction.requiringNew().call(() -> RoundPair.<RoundPair>find(
                    "round.id = ?1 and mentee.id = ?2", id, menteeId).firstResultOptional().map(p -> p.id).orElse(null));
            return new Done(message, pairId == null ? "pairs" : "pair-" + pairId, "pairs", 0);
        });
    }

    @POST
    @Path("{id}/circles/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @RestForm String personEmail, @RestForm String meeting,
            @RestForm String circle, @RestForm String version, @BeanParam ReviewPlace.Form place) {
        return act(id, place.place(), () -> {
            Long circleNumber = FormFields.parseLong(circle);
            Long meetingIndex = FormFields.parseLong(meeting);
            if (circleNumber == null || meetingIndex == null) {
                throw new RuleViolationException("Enter the number of the circle to move the person to.");
            }
            String message = rounds.moveToCircle(id, personId(personEmail, "circle member"), meetingIndex.intValue(),
                    circleNumber.intValue(), version(version), viewer.email());
            Long circleId = QuarkusTransaction.requiringNew().call(() -> RoundCircle.<RoundCircle>find(
                    "round.id = ?1 and meetingIndex = ?2 and circleNumber = ?3", id, meetingIndex.intValue(),
                    circleNumber.intValue()).firstResultOptional().map(c -> c.id).orElse(null));
            return new Done(message, circleId == null ? "circles" : "circle-" + circleId, "circles", 0);
        });
    }

    /** Publishing mails everyone: without JavaScript it asks first on a page of its own. */
    @GET
    @Path("{id}/publish")
    @Transactional
    public TemplateInstance confirmPublish(@PathParam("id") long id, @Context UriInfo uri) {
        MatchingRound round = RoundService.round(id);
        return confirm(id, uri, "Publish round " + round.number + "?", "Every participant gets an e-mail with their "
                + "mentor, mentees or circles now. This cannot be undone.", "/rounds/" + id + "/publish",
                "Publish and notify", false);
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id, @BeanParam ReviewPlace.Form place) {
        return act(id, place.place(), () -> Done.page(rounds.publish(id, viewer.email())
                ? "Round published: participants are notified."
                : "This round was already published; nothing was sent again.", null));
    }

    @GET
    @Path("{id}/discard")
    @Transactional
    public TemplateInstance confirmDiscard(@PathParam("id") long id, @Context UriInfo uri) {
        MatchingRound round = RoundService.round(id);
        return confirm(id, uri, "Discard round " + round.number + "?", "The draft's pairs, pins and circles are lost. "
                + "Nobody is notified.", "/rounds/" + id + "/discard", "Discard draft", true);
    }

    @POST
    @Path("{id}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response discard(@PathParam("id") long id, @BeanParam ReviewPlace.Form place) {
        return act(id, place.place(), () -> {
            rounds.discard(id, viewer.email());
            return Done.page("Round discarded. Nobody was notified.", null);
        });
    }

    /**
     * What a change did: its message, where the page scrolls to afterwards, and for htmx which part of the page
     * ({@code changed.html}) it redraws; a null part reloads the page.
     */
    private record Done(String message, String anchor, String part, long pairId) {
        static Done page(String message, String anchor) {
            return new Done(message, anchor, null, 0);
        }
    }

    /**
     * Runs a change and answers at the manager's place: htmx gets the changed part in place, a plain form a
     * redirect back to the same search, page, meeting and anchor. A refusal re-renders there (see the mappers).
     */
    private Response act(long id, ReviewPlace place, Supplier<Done> change) {
        review.place = place;
        Done done = change.get();
        if (!htmx()) {
            return Flash.redirect(place.url(id, done.anchor()), done.message());
        }
        if (done.part() == null) {
            return Flash.htmxRedirect(place.url(id, done.anchor()), done.message());
        }
        return Response.ok(QuarkusTransaction.requiringNew().call(() -> Templates.changed(
                view(RoundService.round(id), place), place, done.message(), done.part(), done.pairId()).render()))
                .type(MediaType.TEXT_HTML).build();
    }

    @ServerExceptionMapper
    public Response refused(RuleViolationException e, UriInfo uri) {
        return problem(uri, Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response stale(StaleEditException e, UriInfo uri) {
        return problem(uri, Response.Status.CONFLICT, e.getMessage());
    }

    /**
     * The round page again at the manager's place, with the reason at the top; for htmx the reason alone
     * (htmx swaps only 2xx answers, and the rest of the page stays as it was).
     */
    private Response problem(UriInfo uri, Response.Status status, String message) {
        long id = Long.parseLong(uri.getPathParameters().getFirst("id"));
        ReviewPlace place = review.place == null ? ReviewPlace.TOP : review.place;
        boolean htmx = htmx();
        String page = QuarkusTransaction.requiringNew().call(() -> {
            MatchingRound round = RoundService.round(id);
            return htmx ? Templates.changed(view(round, place), place, message, "problem", 0).render()
                    : Templates.round(view(round, place), place, ReviewSummary.of(round), message).render();
        });
        return Response.status(htmx ? Response.Status.OK : status).type(MediaType.TEXT_HTML).entity(page)
                .header("HX-Reswap", htmx ? "none" : null).build();
    }

    private boolean htmx() {
        return headers.getHeaderString("HX-Request") != null;
    }

    /** The place of the request being answered, for the exception mappers (form fields are read only once). */
    @jakarta.enterprise.context.RequestScoped
    static class ReviewRequest {
        ReviewPlace place;
    }

    private TemplateInstance confirm(long id, UriInfo uri, String title, String question, String action, String button,
            boolean danger) {
        ReviewPlace place = ReviewPlace.of(uri.getQueryParameters());
        return Templates.confirm(view(RoundService.round(id), place), place, title, question, action, button, danger);
    }

    private RoundView view(MatchingRound round, ReviewPlace place) {
        return RoundView.of(round, progress.of(round.id), place.q(), place.page(), place.unmatchedPage(),
                place.meeting(), place.circlePage(), place.pinnedOnly());
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
