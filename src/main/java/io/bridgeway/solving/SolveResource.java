package io.bridgeway.solving;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.io.CirclesInstanceJson;
import io.bridgeway.matching.circles.io.CirclesJson;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import io.bridgeway.matching.circles.solver.CirclesValidator;
import io.bridgeway.matching.InvalidInstanceException;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.io.PairingJson;
import io.bridgeway.matching.pairing.solver.PairExplainer;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;
import io.bridgeway.security.Role;
import io.bridgeway.web.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import io.bridgeway.BridgewayConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.optaplanner.core.api.solver.SolverJob;
import org.optaplanner.core.api.solver.SolverManager;

/**
 * Headless solving: a canonical-model instance (shared/bench/MODEL.md format) in, a solution with
 * explanations out, within about the requested number of seconds.
 */
@Path("/api/v1/solve")
@RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Solve")
public class SolveResource {

    static final int MAX_SECONDS = 300;
    private static final ObjectMapper CIRCLES_JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject
    BridgewayConfig config;

    @Inject
    SolverManager<PairingSolution, Long> pairingSolver;

    @Inject
    SolveJobs jobs;

    @POST
    @Path("pairing")
    @Operation(summary = "Pair mentees with mentors for a MODEL.md pairing instance",
            description = "Returns {pairs:[{mentor, mentee, explanation}], unmatched:[{mentee, reason}], score, seconds}.")
    public Response pairing(@QueryParam("seconds") @DefaultValue("10") String seconds, String body)
            throws InterruptedException {
        Duration limit = seconds(seconds);
        long start = System.nanoTime();
        PairingSolution problem;
        try {
            problem = PairingSolutionFactory.build(PairingJson.readProblem(body), config.solve().maxPeople());
        } catch (InvalidInstanceException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        long jobId = jobs.nextHeadlessJobId();
        SolverJob<PairingSolution, Long> job = pairingSolver.solve(jobId, problem);
        jobs.after(limit, () -> pairingSolver.terminateEarly(jobId));
        try {
            PairingSolution best = job.getFinalBestSolution();
            String json = PairingJson.writeSolution(PairExplainer.explain(best, (System.nanoTime() - start) / 1e9));
            return Response.ok(json).build();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The pairing solver failed", e.getCause());
        }
    }

    @POST
    @Path("circles")
    @Operation(summary = "Plan rotating peer circles for a MODEL.md circles instance",
            description = "Returns {rounds:[[[id,...],...],...], meetingBlocks, score, seconds, explanations}. "
                    + "Optional per person: timeZone and availability [\"MON-09\",...]; per instance: startDate, weeksPerRound.")
    public Response circles(@QueryParam("seconds") @DefaultValue("10") String seconds, String body) {
        Duration limit = seconds(seconds);
        CirclesProblem problem;
        try {
            problem = CirclesJson.toProblem(CIRCLES_JSON.readValue(body == null ? "" : body, CirclesInstanceJson.class));
            if (problem.people().size() > config.solve().maxPeople()) {
                throw ApiError.badRequest(problem.people().size() + " people is more than the limit of "
                        + config.solve().maxPeople() + ".");
            }
            CirclesValidator.validate(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (InvalidInstanceException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        // A dedicated solver with the request's own limit; it stops sooner once nothing improves.
        return Response.ok(CirclesJson.toJson(CirclesPlanner.solve(problem, limit, limit, 42))).build();
    }

    static Duration seconds(String raw) {
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= MAX_SECONDS) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw ApiError.badRequest("seconds must be a whole number from 1 to " + MAX_SECONDS + ".");
    }
}
