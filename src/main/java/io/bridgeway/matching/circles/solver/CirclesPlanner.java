package io.bridgeway.matching.circles.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.bridgeway.matching.circles.domain.Circle;
import io.bridgeway.matching.circles.domain.CircleExplanation;
import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.Placement;

import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * The circles entry point: validate, solve all rounds jointly, then pick meeting hours and explain.
 * Throws {@link io.bridgeway.matching.InvalidInstanceException} before solving when the
 * problem cannot be solved as given.
 */
public final class CirclesPlanner {

    private CirclesPlanner() {
    }

    public static CirclesResult solve(CirclesProblem problem, Duration limit) {
        return solve(problem, limit, limit, 42);
    }

    /** Stops at {@code limit}, after {@code unimproved} without improvement, or at a perfect score. */
    public static CirclesResult solve(CirclesProblem problem, Duration limit, Duration unimproved, long randomSeed) {
        long start = System.nanoTime();
        CirclesSchedule schedule = CirclesScheduleFactory.build(problem);
        CirclesSchedule solved = SolverFactory.<CirclesSchedule>create(
                CirclesSolverConfig.create(limit, unimproved, randomSeed)).buildSolver().solve(schedule);
        return toResult(problem, solved, (System.nanoTime() - start) / 1e9);
    }

    /** Maps a solved schedule (for example from a SolverManager) to the result. */
    public static CirclesResult toResult(CirclesProblem problem, CirclesSchedule solved, double seconds) {
        List<List<List<CircleMember>>> rounds = circles(solved);
        List<List<List<String>>> ids = rounds.stream()
                .map(round -> round.stream().map(circle -> circle.stream().map(CircleMember::id).toList()).toList())
                .toList();
        HardMediumSoftScore score = solved.getScore();
        int unavailable = rounds.stream().flatMap(List::stream).mapToInt(CircleRules::unavailableMembers).sum();
        return new CirclesResult(ids, MeetingTimePlanner.plan(problem, ids), score.toString(), -score.hardScore(),
                -score.mediumScore(), -score.softScore(), unavailable, seconds, CircleExplainer.explain(solved, rounds));
    }

    /**
     * Given circles (a manager's edit) measured with the same rules as a solve: hours, explanations, repeats
     * and soft penalty. Ids the problem does not know are left out.
     */
    public static CirclesResult evaluate(CirclesProblem problem, List<List<List<String>>> givenRounds) {
        CirclesSchedule schedule = CirclesScheduleFactory.build(problem);
        Map<String, Placement> placements = new HashMap<>();
        schedule.getPlacements().forEach(p -> placements.put(p.getMember().id() + "@" + p.getRound(), p));
        List<List<List<CircleMember>>> rounds = new ArrayList<>();
        for (int r = 0; r < givenRounds.size(); r++) {
            List<List<CircleMember>> circles = new ArrayList<>();
            for (List<String> ids : givenRounds.get(r)) {
                List<CircleMember> members = new ArrayList<>();
                for (String id : ids) {
                    Placement placement = placements.get(id + "@" + r);
                    if (placement != null) {
                        members.add(placement.getMember());
                    }
                }
                circles.add(members);
            }
            rounds.add(circles);
        }
        List<List<List<String>>> ids = rounds.stream()
                .map(round -> round.stream().map(circle -> circle.stream().map(CircleMember::id).toList()).toList())
                .toList();
        List<CircleExplanation> explanations = CircleExplainer.explain(schedule, rounds);
        int repeats = explanations.stream().mapToInt(CircleExplanation::repeats).sum();
        int soft = explanations.stream().mapToInt(CircleExplanation::softPenalty).sum();
        int unavailable = rounds.stream().flatMap(List::stream).mapToInt(CircleRules::unavailableMembers).sum();
        return new CirclesResult(ids, MeetingTimePlanner.plan(problem, ids), HardMediumSoftScore.of(0, -repeats, -soft)
                .toString(), 0, repeats, soft, unavailable, 0, explanations);
    }

    /** Members per circle per round, in circle order; empty circles are left out. */
    static List<List<List<CircleMember>>> circles(CirclesSchedule schedule) {
        List<List<List<CircleMember>>> rounds = new ArrayList<>();
        for (int r = 0; r < schedule.getRounds(); r++) {
            rounds.add(new ArrayList<>());
        }
        List<Circle> sortedCircles = schedule.getCircles().stream()
                .sorted(Comparator.comparingInt(Circle::round).thenComparingInt(Circle::index)).toList();
        List<List<CircleMember>> byCircle = new ArrayList<>();
        int groups = (int) sortedCircles.stream().filter(c -> c.round() == 0).count();
        for (int i = 0; i < sortedCircles.size(); i++) {
            byCircle.add(new ArrayList<>());
        }
        for (Placement placement : schedule.getPlacements()) {
            Circle circle = placement.getCircle();
            if (circle != null) {
                byCircle.get(circle.round() * groups + circle.index()).add(placement.getMember());
            }
        }
        for (int i = 0; i < byCircle.size(); i++) {
            if (!byCircle.get(i).isEmpty()) {
                byCircle.get(i).sort(Comparator.comparingInt(CircleMember::index));
                rounds.get(i / groups).add(byCircle.get(i));
            }
        }
        return rounds;
    }
}
