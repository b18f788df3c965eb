package io.bridgeway.rounds;

import io.bridgeway.security.Role;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.Paged;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.Viewer;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Matching rounds as JSON: the same round services as the pages; errors are mapped by ErrorPages. */
@Path("/api/v1/rounds")
@RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rounds")
public class RoundApiResource {

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
    @Operation(summary = "A round's status, score, one page of pairs (?page=0&size=50), unmatched mentees and circles")
    public RoundJson get(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("" + Paged.SIZE) int size) {
        return reads.json(id, page, size);
    }

    @POST
    @Path("{id}/solve")
    @Operation(summary = "Solve the draft again; pinned pairs stay")
    public RoundJson.Done resolve(@PathParam("id") long id, @QueryParam("version") Long version) {
        lifecycle.resolve(id, required(version), viewer.email());
        return reads.done(id, RoundWords.SOLVING_AGAIN);
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a running solve and keep the best solution so far")
    public RoundJson.Done stop(@PathParam("id") long id) {
        lifecycle.stop(id, viewer.email());
        return reads.done(id, RoundWords.STOPPING);
    }

    @POST
    @Path("{id}/pairs/{pairId}/pin")
    @Operation(summary = "Pin (pinned=true) or unpin (pinned=false) a pair of this round")
    public RoundJson.PairChangeJson pin(@PathParam("id") long id, @PathParam("pairId") long pairId,
            @QueryParam("pinned") String pinned, @QueryParam("version") Long version) {
        return json(pairs.pin(id, pairId, FormFields.trueOrFalse(pinned, null, "pinned"), required(version),
                viewer.email()));
    }

    @POST
    @Path("{id}/pairs/{pairId}/unpair")
    @Operation(summary = "Split a pair of this round; solving again will not remake it")
    public RoundJson.PairChangeJson unpair(@PathParam("id") long id, @PathParam("pairId") long pairId,
            @QueryParam("version") Long version) {
        return json(pairs.unpair(id, pairId, required(version), viewer.email()));
    }

    @POST
    @Path("{id}/pairs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Force (and pin) a pair; refused with the rule's name when a hard rule would break")
    public RoundJson.PairChangeJson force(@PathParam("id") long id, RoundJson.ForcePair body) {
        if (body == null || body.mentorId() == null || body.menteeId() == null) {
            throw new RuleViolationException("Send {\"mentorId\": ..., \"menteeId\": ..., \"version\": ...}.",
                    body == null || body.mentorId() == null ? "mentorId" : "menteeId");
        }
        return json(pairs.force(id, body.mentorId(), body.menteeId(), required(body.version()), viewer.email()));
    }

    @POST
    @Path("{id}/circles/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a person to another circle of the same meeting (and pin them there)")
    public RoundJson.CircleMoveJson move(@PathParam("id") long id, RoundJson.MoveMember body) {
        if (body == null || body.personId() == null || body.meeting() == null || body.circle() == null) {
            throw new RuleViolationException("Send {\"personId\": ..., \"meeting\": 0, \"circle\": 1, \"version\": ...}.");
        }
        CircleEdits.CircleMove move = circles.move(id, body.personId(), body.meeting(), body.circle(),
                required(body.version()), viewer.email());
        return new RoundJson.CircleMoveJson(RoundWords.circleMove(move), move.repeatsBefore(), move.repeatsAfter(),
                move.penaltyBefore(), move.penaltyAfter());
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "Publish the round and notify participants; publishing again changes nothing",
            description = "With ?version= (from GET /api/v1/rounds/{id}): 409 if the draft changed since.")
    public RoundJson.Published publish(@PathParam("id") long id, @QueryParam("version") String version) {
        boolean now = lifecycle.publish(id, RoundAnswers.seenVersion(version), viewer.email());
        return new RoundJson.Published(id, RoundStatus.PUBLISHED, now, RoundWords.published(now));
    }

    @POST
    @Path("{id}/discard")
    @Operation(summary = "Discard a draft round (stopping its solve); nobody is notified",
            description = "With ?version= (from GET /api/v1/rounds/{id}): 409 if the draft changed since.")
    public RoundJson.Done discard(@PathParam("id") long id, @QueryParam("version") String version) {
        lifecycle.discard(id, RoundAnswers.seenVersion(version), viewer.email());
        return reads.done(id, RoundWords.DISCARDED);
    }

    private static RoundJson.PairChangeJson json(PairEdits.PairChange change) {
        return new RoundJson.PairChangeJson(RoundWords.pairChange(change), change.objectiveBefore(),
                change.objectiveAfter(), change.impact());
    }

    private static long required(Long version) {
        if (version == null) {
            throw new RuleViolationException(
                    "version is required (the round's current version, from GET /api/v1/rounds/{id}).", "version");
        }
        return version;
    }
}
