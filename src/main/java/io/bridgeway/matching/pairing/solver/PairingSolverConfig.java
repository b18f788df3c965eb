package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.util.List;

/**
 * The pairing SolverConfig, built in code. Phases: (1) exact b-matching (replaces a construction
 * heuristic, which would do nothing for a nullable variable), (2) local search with change and swap moves.
 */
public final class PairingSolverConfig {

    /** Local search stops this long after the last improvement (the exact start is usually already optimal). */
    public static final Duration DEFAULT_UNIMPROVED_LIMIT = Duration.ofSeconds(2);

    private PairingSolverConfig() {
    }

    /** For a SolverManager: exact start then local search, at most {@code spentLimit}. */
    public static SolverConfig create(Duration spentLimit) {
        return create(spentLimit, DEFAULT_UNIMPROVED_LIMIT, true);
    }

    /**
     * @param spentLimit      overall limit
     * @param unimprovedLimit stop local search after this long without a better score
     * @param exactStart      false = local search only (benchmarks, or a solve that must keep the current pairs)
     */
    public static SolverConfig create(Duration spentLimit, Duration unimprovedLimit, boolean exactStart) {
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig(List.of(
                        new ChangeMoveSelectorConfig(),
                        new SwapMoveSelectorConfig())))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        PhaseConfig<?>[] phases = exactStart
                ? new PhaseConfig<?>[] {
                        new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(ExactMatchingPhaseCommand.class)),
                        localSearch }
                : new PhaseConfig<?>[] { localSearch };
        // Our own class loader, so the config also works under Quarkus dev-mode class loading.
        return new SolverConfig(PairingSolverConfig.class.getClassLoader())
                .withSolutionClass(PairingSolution.class)
                .withEntityClasses(MenteeAssignment.class)
                // Bavet explicitly: with both engines on the classpath OptaPlanner 10 picks Drools, which
                // measured ~2,000 moves/s here; Bavet is several times faster.
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(PairingConstraintProvider.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withTerminationConfig(new TerminationConfig()
                        // OptaPlanner refuses sub-millisecond durations
                        .withSpentLimit(Duration.ofMillis(spentLimit.toMillis()))
                        .withUnimprovedSpentLimit(Duration.ofMillis(unimprovedLimit.toMillis())))
                .withPhases(phases);
    }
}
