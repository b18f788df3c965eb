package io.bridgeway.solving;

import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.solver.CirclesSolverConfig;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.solver.PairingSolverConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import io.bridgeway.BridgewayConfig;
import jakarta.inject.Inject;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.solver.SolverManagerConfig;

/**
 * The OptaPlanner SolverManagers, produced by CDI from programmatic SolverConfigs (the
 * optaplanner-quarkus extension does not start on this Quarkus version) and closed on shutdown.
 * A job ends at the configured ceiling, after the config's unimproved-time limit, or when the
 * caller terminates it early (a request's own time limit, the Stop button).
 */
@ApplicationScoped
public class SolverManagers {

    @Inject
    BridgewayConfig config;

    @Produces
    @ApplicationScoped
    SolverManager<PairingSolution, Long> pairingSolverManager() {
        return SolverManager.create(PairingSolverConfig.create(Duration.ofSeconds(config.solve().maxSeconds())), new SolverManagerConfig());
    }

    void closePairing(@Disposes SolverManager<PairingSolution, Long> solverManager) {
        solverManager.close();
    }

    /** Circles stop at the ceiling, or sooner when the search stalls. */
    @Produces
    @ApplicationScoped
    SolverManager<CirclesSchedule, Long> circlesSolverManager() {
        return SolverManager.create(CirclesSolverConfig.create(Duration.ofSeconds(config.solve().circlesSeconds()),
                Duration.ofSeconds(config.solve().circlesUnimprovedSeconds()), 42), new SolverManagerConfig());
    }

    void closeCircles(@Disposes SolverManager<CirclesSchedule, Long> solverManager) {
        solverManager.close();
    }
}
