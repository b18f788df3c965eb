package io.bridgeway.rounds;

import static io.bridgeway.rounds.RoundAnswers.version;

import io.bridgeway.security.Role;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.StaleEditException;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Adjusting a draft round on its page: pin, unpair and force pairs, move a person to another circle. Each change
 * answers at the manager's place through {@link RoundAnswers}; unpairing asks first (htmx {@code hx-confirm},
 * without JavaScript a confirm page).
 */
@Path("/rounds")
@RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RoundReviewResource {

    @Inject
    RoundReads reads;

    @Inject
    ReviewReads review;

    @Inject
    PairEdits pairs;

    @Inject
    CircleEdits circles;

    @Inject
    Viewer viewer;

    @Inject
    RoundAnswers answers;

    @POST
    @Path("{id}/pairs/{pairId}/pin")
    public Response pin(@PathParam("id") long id, @PathParam("pairId") long pairId, @RestForm String version,
            @RestForm String pinned, @BeanParam ReviewPlace.Form form) {
        answers.at(form);
        String message = RoundWords.pairChange(pairs.pin(id, pairId, FormFields.checked(pinned), version(version),
                viewer.email()));
        return answers.changed(id, "pair-" + pairId, message, "pair", pairId);
    }

    @GET
    @Path("{id}/pairs/{pairId}/unpair")
    public TemplateInstance confirmUnpair(@PathParam("id") long id, @PathParam("pairId") long pairId,
            @Context UriInfo uri) {
        return answers.confirm(id, uri, review.unpair(id, pairId), "/rounds/" + id + "/pairs/" + pairId + "/unpair",
                "Unpair", true);
    }

    @POST
    @Path("{id}/pairs/{pairId}/unpair")
    public Response unpair(@PathParam("id") long id, @PathParam("pairId") long pairId, @RestForm String version,
            @BeanParam ReviewPlace.Form form) {
        answers.at(form);
        String message = RoundWords.pairChange(pairs.unpair(id, pairId, version(version), viewer.email()));
        return answers.changed(id, "pairs", message, "unpaired", pairId);
    }

    @POST
    @Path("{id}/pairs")
    public Response force(@PathParam("id") long id, @RestForm String mentorEmail, @RestForm String menteeEmail,
            @RestForm String version, @BeanParam ReviewPlace.Form form) {
        answers.at(form);
        long mentor = reads.personId(mentorEmail, "mentor", "mentorEmail");
        long mentee = reads.personId(menteeEmail, "mentee", "menteeEmail");
        String message = RoundWords.pairChange(pairs.force(id, mentor, mentee, version(version), viewer.email()));
        return answers.changed(id, review.pairAnchor(id, mentee), message, "pairs", 0);
    }

    @POST
    @Path("{id}/circles/move")
    public Response move(@PathParam("id") long id, @RestForm String personEmail, @RestForm String meeting,
            @RestForm String circle, @RestForm String version, @BeanParam ReviewPlace.Form form) {
        answers.at(form);
        // In int range, or a number past it would wrap round to another circle.
        FormErrors errors = new FormErrors();
        Integer circleNumber = FormFields.intIn(circle, 1, Integer.MAX_VALUE, "circle", "Circle", errors);
        Integer meetingIndex = FormFields.intIn(meeting, 0, Integer.MAX_VALUE, "meeting", "Meeting", errors);
        if (errors.any()) {
            throw new RuleViolationException("Enter the number of the circle to move the person to.", "circle");
        }
        long person = reads.personId(personEmail, "circle member", "personEmail");
        String message = RoundWords.circleMove(circles.move(id, person, meetingIndex, circleNumber,
                version(version), viewer.email()));
        return answers.changed(id, review.circleAnchor(id, meetingIndex, circleNumber), message, "circles", 0);
    }

    @ServerExceptionMapper({RuleViolationException.class, StaleEditException.class})
    public Response refused(RuntimeException e, UriInfo uri) {
        return answers.refused(e, uri);
    }
}
