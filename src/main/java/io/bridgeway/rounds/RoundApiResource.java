package io.bridgeway.rounds;

import io.bridgeway.security.Role;
import io.bridgeway.web.RuleViolationException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Matching rounds as JSON: the same actions as the round pages. */
@Path("/api/v1/rounds")
@RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rounds")
public class RoundApiResource {

    /** Starting a round lives under its programme's path. */
    @Path("/api/v1/programs/{programId}/rounds")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Rounds")
    public static class Start {

        @Inject
        RoundService rounds;

        @Inject
        Viewer viewer;

        @POST
        @Operation(summary = "Start a matching round: snapshot the participants and solve in the background")
        public Response start(@PathParam("programId") long programId) {
            long id = run(() -> rounds.start(programId, viewer.email()));
            return Response.status(Response.Status.ACCEPTED).entity(Map.of("id", id, "status", RoundStatus.DRAFT,
                    "solveState", SolveState.SOLVING)).build();
        }
    }

    public record RoundJson(long id, long programId, int number, RoundStatus status, SolveState solveState,
            String solveMessage, String score, Long objective, int matched, int mentees, long version,
            List<PairJson> pairs, List<UnmatchedJson> unmatched, Integer circleRepeats, Long circleSoft,
            List<CircleJson> circles) {
    }

    /** A circle at one meeting (from 0); members are person ids. */
    public record CircleJson(long id, int meeting, int circle, List<Long> members, List<Long> pinned,
            String meetingUtcStart, String meetingNote, List<String> explanation) {
    }

    /** Person ids and emails are null where the person's account was deleted (a former employee). */
    public record PairJson(long id, Long mentorId, String mentorEmail, Long menteeId, String menteeEmail,
            boolean pinned, boolean forced, long value, List<String> explanation) {
    }

    public record UnmatchedJson(Long menteeId, String menteeEmail, String reason, String help) {
    }

    public record ForcePair(Long mentorId, Long menteeId, Long version) {
    }

    public record MoveMember(Long personId, Integer meeting, Integer circle, Long version) {
    }

    @Inject
    RoundService rounds;

    @Inject
    Viewer viewer;

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "A round's status, score, pairs and unmatched participants with reasons")
    public RoundJson get(@PathParam("id") long id) {
        MatchingRound round = RoundService.round(id);
        List<PairJson> pairs = RoundPair.of(round).stream().map(p -> new PairJson(p.id, RoundView.idOf(p.mentor),
                emailOrNull(p.mentor), RoundView.idOf(p.mentee), emailOrNull(p.mentee), p.pinned, p.forced, p.value,
                p.explanationLines())).toList();
        List<UnmatchedJson> unmatched = RoundUnmatched.<RoundUnmatched>list("round", round).stream()
                .map(u -> new UnmatchedJson(RoundView.idOf(u.mentee), emailOrNull(u.mentee), u.reason, u.help)).toList();
        List<CircleJson> circles = RoundCircle.of(round).stream().map(c -> new CircleJson(c.id, c.meetingIndex,
                c.circleNumber, c.members.stream().map(RoundCircle.Member::personId).toList(),
                c.members.stream().filter(RoundCircle.Member::pinned).map(RoundCircle.Member::personId).toList(),
                c.meetingUtcStart, c.meetingNote, c.explanationLines())).toList();
        return new RoundJson(round.id, round.program.id, round.number, round.status, round.solveState,
                round.solveMessage, round.score, round.objective, round.matchedCount, round.menteeCount, round.version,
                pairs, unmatched, round.circleRepeats, round.circleSoft, circles);
    }

    @POST
    @Path("{id}/solve")
    @Operation(summary = "Solve the draft again; pinned pairs stay")
    public Map<String, Object> resolve(@PathParam("id") long id, @QueryParam("version") Long version) {
        run(() -> {
            rounds.resolve(id, required(version), viewer.email());
            return null;
        });
        return Map.of("id", id, "solveState", SolveState.SOLVING);
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a running solve and keep the best solution so far")
    public Map<String, Object> stop(@PathParam("id") long id) {
        run(() -> {
            rounds.stop(id, viewer.email());
            return null;
        });
        return Map.of("id", id, "stopping", true);
    }

    @POST
    @Path("{id}/pairs/{pairId}/pin")
    @Operation(summary = "Pin (pinned=true) or unpin a pair")
    public Map<String, Object> pin(@PathParam("id") long id, @PathParam("pairId") long pairId,
            @QueryParam("pinned") boolean pinned, @QueryParam("version") Long version) {
        return change(() -> rounds.pin(id, pairId, pinned, required(version), viewer.email()));
    }

    @POST
    @Path("{id}/pairs/{pairId}/unpair")
    @Operation(summary = "Split a pair; solving again will not remake it")
    public Map<String, Object> unpair(@PathParam("id") long id, @PathParam("pairId") long pairId,
            @QueryParam("version") Long version) {
        return change(() -> rounds.unpair(id, pairId, required(version), viewer.email()));
    }

    @POST
    @Path("{id}/pairs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Force (and pin) a pair; refused with the rule's name when a hard rule would break")
    public Map<String, Object> force(@PathParam("id") long id, ForcePair body) {
        if (body == null || body.mentorId() == null || body.menteeId() == null) {
            throw new RuleViolationException("Send {\"mentorId\": ..., \"menteeId\": ..., \"version\": ...}.", body == null || body.mentorId() == null ? "mentorId" : "menteeId");
        }
        return change(() -> rounds.force(id, body.mentorId(), body.menteeId(), required(body.version()), viewer.email()));
    }

    @POST
    @Path("{id}/circles/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a person to another circle of the same meeting (and pin them there)")
    public Map<String, Object> move(@PathParam("id") long id, MoveMember body) {
        if (body == null || body.personId() == null || body.meeting() == null || body.circle() == null) {
            throw new RuleViolationException("Send {\"personId\": ..., \"meeting\": 0, \"circle\": 1, \"version\": ...}.");
        }
        String message = run(() -> rounds.moveToCircle(id, body.personId(), body.meeting(), body.circle(),
                required(body.version()), viewer.email()));
        return Map.of("message", message);
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "Publish the round and notify participants; publishing again changes nothing")
    public Map<String, Object> publish(@PathParam("id") long id) {
        boolean published = run(() -> rounds.publish(id, viewer.email()));
        return Map.of("id", id, "status", RoundStatus.PUBLISHED, "publishedNow", published);
    }

    @POST
    @Path("{id}/discard")
    @Operation(summary = "Discard a draft round; nobody is notified")
    public Map<String, Object> discard(@PathParam("id") long id) {
        run(() -> {
            rounds.discard(id, viewer.email());
            return null;
        });
        return Map.of("id", id, "status", RoundStatus.DISCARDED);
    }

    private static String emailOrNull(io.bridgeway.people.Person person) {
        return person == null ? null : person.email;
    }

    private Map<String, Object> change(Supplier<RoundService.Change> action) {
        RoundService.Change change = run(action);
        return Map.of("message", change.describe(), "objectiveBefore", change.objectiveBefore(),
                "objectiveAfter", change.objectiveAfter(), "impact", change.impact());
    }

    private static <T> T run(Supplier<T> action) {
        return action.get();
    }

    private static long required(Long version) {
        if (version == null) {
            throw new RuleViolationException("version is required (the round's current version, from GET /api/v1/rounds/{id}).", "version");
        }
        return version;
    }
}
