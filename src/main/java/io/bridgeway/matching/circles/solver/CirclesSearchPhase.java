package io.bridgeway.matching.circles.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.Set;

import io.bridgeway.matching.circles.domain.Circle;
import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.Placement;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Runs {@link SwapSearch} on the working solution and writes its best assignment back through the score
 * director, so OptaPlanner scores the result with {@link CirclesConstraintProvider}. Configured through
 * custom properties (milliseconds as text): timeLimitMillis, unimprovedMillis, randomSeed.
 */
public class CirclesSearchPhase implements CustomPhaseCommand<CirclesSchedule> {

    private long timeLimitMillis = 30_000;
    private long unimprovedMillis = Long.MAX_VALUE / 2_000_000;
    private long randomSeed = 42;

    public void setTimeLimitMillis(String value) {
        timeLimitMillis = Long.parseLong(value);
    }

    public void setUnimprovedMillis(String value) {
        unimprovedMillis = Long.parseLong(value);
    }

    public void setRandomSeed(String value) {
        randomSeed = Long.parseLong(value);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<CirclesSchedule> scoreDirector) {
        CirclesSchedule schedule = scoreDirector.getWorkingSolution();
        long start = System.nanoTime();
        SearchModel model = toModel(schedule);
        int[][] best = search(model, start + timeLimitMillis * 1_000_000, unimprovedMillis * 1_000_000, randomSeed,
                schedule::stopRequested);
        Circle[][] circles = circlesByRound(schedule);
        for (Placement placement : schedule.getPlacements()) {
            Circle target = circles[placement.getRound()][best[placement.getRound()][placement.getMemberIndex()]];
            if (placement.getCircle() != target) {
                scoreDirector.beforeVariableChanged(placement, "circle");
                placement.setCircle(target);
                scoreDirector.afterVariableChanged(placement, "circle");
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /**
     * Runs the swap search; an instance without soft rules (a golfer problem: only repeats count) gets a second,
     * independently seeded search on another core, and the first to reach no repeats stops the other. Real
     * programmes keep one search, so a seed gives the same circles.
     */
    static int[][] search(SearchModel model, long deadlineNanos, long unimprovedNanos, long seed, BooleanSupplier stop) {
        Thread caller = Thread.currentThread();
        AtomicBoolean solved = new AtomicBoolean();
        BooleanSupplier stopAll = () -> caller.isInterrupted() || stop.getAsBoolean() || solved.get();
        SwapSearch first = new SwapSearch(model, seed);
        if (!first.isRuleFree() || Runtime.getRuntime().availableProcessors() < 2) {
            return first.solve(deadlineNanos, unimprovedNanos, stopAll);
        }
        SwapSearch second = new SwapSearch(model, seed + 1);
        int[][][] secondBest = new int[1][][];
        Thread helper = new Thread(() -> {
            secondBest[0] = second.solve(deadlineNanos, unimprovedNanos, stopAll);
            if (second.bestCost() == 0) {
                solved.set(true);
            }
        }, "circles-search-2");
        helper.setDaemon(true);
        helper.start();
        int[][] firstBest = first.solve(deadlineNanos, unimprovedNanos, stopAll);
        if (first.bestCost() == 0) {
            solved.set(true);
        }
        try {
            helper.join();
        } catch (InterruptedException e) {
            solved.set(true); // stops the helper at its next check
            caller.interrupt();
            return firstBest;
        }
        return secondBest[0] != null && second.bestCost() < first.bestCost() ? secondBest[0] : firstBest;
    }

    static SearchModel toModel(CirclesSchedule schedule) {
        List<CircleMember> members = schedule.getMembers();
        int n = members.size();
        int[] departmentIds = new int[n];
        int[] offsets = new int[n];
        boolean[] offsetKnown = new boolean[n];
        boolean[] senior = new boolean[n];
        Map<String, Integer> departments = new HashMap<>();
        for (CircleMember member : members) {
            int i = member.index();
            departmentIds[i] = member.department() == null ? -1
                    : departments.computeIfAbsent(member.department(), d -> departments.size());
            offsets[i] = member.profile().utcOffsetMinutes();
            offsetKnown[i] = member.offsetKnown();
            senior[i] = schedule.getSettings().isSenior(member);
        }
        int[] sizes = CirclesValidator.groupSizes(n, schedule.getGroupSize().min(), schedule.getGroupSize().max());
        int[][] fixed = new int[schedule.getRounds()][n];
        for (int[] row : fixed) {
            java.util.Arrays.fill(row, -1);
        }
        for (Placement placement : schedule.getPlacements()) {
            if (placement.isPinned() && placement.getCircle() != null) {
                fixed[placement.getRound()][placement.getMemberIndex()] = placement.getCircle().index();
            }
        }
        int[][][] freeHours = new int[schedule.getRounds()][n][];
        boolean anyFreeHours = false;
        for (Placement placement : schedule.getPlacements()) { // a placement's member is free as in its round
            Set<Integer> free = placement.getMember().freeUtcHours();
            if (free != null) {
                freeHours[placement.getRound()][placement.getMemberIndex()] =
                        free.stream().mapToInt(Integer::intValue).sorted().toArray();
                anyFreeHours = true;
            }
        }
        return new SearchModel(n, schedule.getRounds(), sizes, departmentIds, offsets, offsetKnown, senior,
                schedule.getHistory().metPairs(), schedule.getSettings(), fixed, anyFreeHours ? freeHours : null,
                schedule.getKeptApart().pairs());
    }

    static Circle[][] circlesByRound(CirclesSchedule schedule) {
        int groups = (int) schedule.getCircles().stream().filter(c -> c.round() == 0).count();
        Circle[][] byRound = new Circle[schedule.getRounds()][groups];
        for (Circle circle : schedule.getCircles()) {
            byRound[circle.round()][circle.index()] = circle;
        }
        return byRound;
    }
}
