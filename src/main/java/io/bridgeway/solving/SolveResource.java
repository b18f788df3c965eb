package io.bridgeway.solving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.io.CirclesInstanceJson;
import io.bridgeway.matching.circles.io.CirclesJson;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import io.bridgeway.matching.circles.solver.CirclesScheduleFactory;
import io.bridgeway.matching.circles.solver.CirclesValidator;
import io.bridgeway.matching.InvalidInstanceException;
import io.bridgeway.matching.pairing.domain.PairingSettings;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
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

    private static final ObjectMapper CIRCLES_JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject
    BridgewayConfig config;

    @Inject
    SolverManager<PairingSolution, Long> pairingSolver;

    @Inject
    SolverManager<CirclesSchedule, Long> circlesSolver;

    @Inject
    SolveJobs jobs;

    @Inject
    HeadlessSolveSlots slots;

    @POST
    @Path("pairing")
    @Operation(summary = "Pair mentees with mentors for a MODEL.md pairing instance",
            description = "Returns {pairs:[{mentor, mentee, explanation}], unmatched:[{mentee, reason}], score, seconds}. "
                    + "429 with Retry-After while bridgeway.solve.max-concurrent-headless solves are running.")
    public Response pairing(@QueryParam("seconds") @DefaultValue("10") String seconds, InputStream body)
            throws InterruptedException {
        Duration limit = seconds(seconds);
        try (HeadlessSolveSlots.Slot slot = slot(limit)) {
            long start = System.nanoTime();
            PairingSolution problem;
            try {
                ObjectNode instance = InstanceReader.read(body, config.solve().maxPeople());
                problem = PairingSolutionFactory.build(PairingJson.readProblem(instance, PairingSettings.defaults()),
                        config.solve().maxPeople());
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
    }

    @POST
    @Path("circles")
    @Operation(summary = "Plan rotating peer circles for a MODEL.md circles instance",
            description = "Returns {rounds:[[[id,...],...],...], meetingBlocks, score, seconds, explanations}. "
                    + "Runs on the rounds' circles SolverManager: stops at the requested seconds, after "
                    + "bridgeway.solve.circles-unimproved-seconds without improvement, or at bridgeway.solve.circles-seconds. "
                    + "Optional per person: timeZone and availability [\"MON-09\",...]; per instance: startDate, weeksPerRound. "
                    + "429 with Retry-After while bridgeway.solve.max-concurrent-headless solves are running.")
    public Response circles(@QueryParam("seconds") @DefaultValue("10") String seconds, InputStream body)
            throws InterruptedException {
        Duration limit = seconds(seconds);
        try (HeadlessSolveSlots.Slot slot = slot(limit)) {
            long start = System.nanoTime();
            CirclesProblem problem;
            CirclesSchedule schedule;
            try {
                ObjectNode instance = InstanceReader.read(body, config.solve().maxPeople());
                problem = CirclesJson.toProblem(CIRCLES_JSON.treeToValue(instance, CirclesInstanceJson.class));
                CirclesValidator.validate(problem);
                schedule = CirclesScheduleFactory.build(problem);
            } catch (JsonProcessingException e) {
                throw ApiError.badRequest(ApiError.describe(e));
            } catch (InvalidInstanceException e) {
                throw ApiError.badRequest(e.getMessage());
            }
            // terminateEarly does not reach the custom circle search (and would skip one not yet begun,
            // leaving people without a circle); the schedule's stop signal does.
            AtomicBoolean stop = new AtomicBoolean();
            schedule.setStopSignal(stop::get);
            long jobId = jobs.nextHeadlessJobId();
            SolverJob<CirclesSchedule, Long> job = circlesSolver.solve(jobId, schedule);
            jobs.after(limit, () -> stop.set(true));
            try {
                CirclesSchedule best = job.getFinalBestSolution();
                return Response.ok(CirclesJson.toJson(
                        CirclesPlanner.toResult(problem, best, (System.nanoTime() - start) / 1e9))).build();
            } catch (ExecutionException e) {
                throw new IllegalStateException("The circles solver failed", e.getCause());
            }
        }
    }

    /** A free headless-solve slot, or 429 Too Many Requests saying when to try again. */
    private HeadlessSolveSlots.Slot slot(Duration limit) {
        return slots.tryTake(limit).orElseThrow(() -> {
            long retryAfter = slots.secondsUntilOneEnds();
            return new WebApplicationException(Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .type(MediaType.APPLICATION_JSON).header(HttpHeaders.RETRY_AFTER, retryAfter)
                    .entity(Map.of("error", slots.capacity() + " solves are already running, the limit "
                            + "(bridgeway.solve.max-concurrent-headless). Try again in " + retryAfter + " seconds.",
                            "status", 429))
                    .build());
        });
    }

    private Duration seconds(String raw) {
        int max = config.solve().maxSeconds();
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= max) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw ApiError.badRequest("seconds must be a whole number from 1 to " + max + ".");
    }
}
