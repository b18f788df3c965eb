package io.bridgeway.matching.circles.solver;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.Placement;

import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.SolverConfig;

/** Solver configuration for circles, usable with SolverFactory or a (CDI-produced) SolverManager. */
public final class CirclesSolverConfig {

    private CirclesSolverConfig() {
    }

    /** Search for at most {@code limit}, stopping early after {@code unimproved} without a better solution. */
    public static SolverConfig create(Duration limit, Duration unimproved, long randomSeed) {
        CustomPhaseConfig search = new CustomPhaseConfig()
                .withCustomPhaseCommandClassList(List.of(CirclesSearchPhase.class))
                .withCustomProperties(Map.of(
                        "timeLimitMillis", Long.toString(limit.toMillis()),
                        "unimprovedMillis", Long.toString(unimproved.toMillis()),
                        "randomSeed", Long.toString(randomSeed)));
        return new SolverConfig()
                .withSolutionClass(CirclesSchedule.class)
                .withEntityClasses(Placement.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(CirclesConstraintProvider.class))
                .withPhases(search);
    }

    public static SolverConfig create(Duration limit) {
        return create(limit, limit, 42);
    }
}
