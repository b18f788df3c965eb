package io.bridgeway.solving;

import io.bridgeway.matching.pairing.domain.InvalidInstanceException;
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
