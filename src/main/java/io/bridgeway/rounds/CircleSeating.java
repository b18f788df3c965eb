package io.bridgeway.rounds;

import io.bridgeway.matching.circles.domain.Circle;
import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.MeetingHistory;
import io.bridgeway.matching.circles.domain.Placement;
import io.bridgeway.matching.circles.solver.CircleRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Where circle sizes force a choice, the least connected get the more diverse seats. After the solver, within one
 * meeting and one department, the members of that department trade seats so that whoever has the fewest
 * cross-department ties so far sits where the most people from other departments are. Each circle keeps its
 * department mix, so the same-department term is unchanged; a trade is kept only if repeats and the circle
 * penalty do not get worse, so the solver's optimum stays an optimum.
 */
public final class CircleSeating {

    private CircleSeating() {
    }

    private static final org.optaplanner.core.api.solver.SolutionManager<CirclesSchedule,
            org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore> SCORER =
            org.optaplanner.core.api.solver.SolutionManager.create(org.optaplanner.core.api.solver.SolverFactory.create(
                    io.bridgeway.matching.circles.solver.CirclesSolverConfig.create(java.time.Duration.ofSeconds(1))));

    /** Reseats a solved schedule and, when anyone moved, scores it again with the constraints. */
    public static int seatLeastConnectedAndRescore(CirclesSchedule schedule, ToIntFunction<String> crossTiesSoFar) {
        int moved = seatLeastConnected(schedule, crossTiesSoFar);
        if (moved > 0) {
            SCORER.update(schedule);
        }
        return moved;
    }

    /** Reseats {@code schedule} in place; returns how many placements moved. */
    public static int seatLeastConnected(CirclesSchedule schedule, ToIntFunction<String> crossTiesSoFar) {
        Map<Circle, List<Placement>> byCircle = new LinkedHashMap<>();
        schedule.getCircles().forEach(c -> byCircle.put(c, new ArrayList<>()));
        schedule.getPlacements().forEach(p -> byCircle.get(p.getCircle()).add(p));
        int moved = 0;
        for (int round = 0; round < schedule.getRounds(); round++) {
            Map<String, List<Placement>> byDepartment = new HashMap<>();
            for (Placement p : schedule.getPlacements()) {
                if (p.getRound() == round && !p.isPinned() && p.getMember().department() != null) {
                    byDepartment.computeIfAbsent(p.getMember().department(), k -> new ArrayList<>()).add(p);
                }
            }
            for (Map.Entry<String, List<Placement>> entry : byDepartment.entrySet()) {
                moved += reseat(schedule, byCircle, entry.getKey(), entry.getValue(), crossTiesSoFar);
            }
        }
        return moved;
    }

    private static int reseat(CirclesSchedule schedule, Map<Circle, List<Placement>> byCircle, String department,
            List<Placement> members, ToIntFunction<String> crossTiesSoFar) {
        if (members.size() < 2) {
            return 0;
        }
        // seat value: people from other departments in that circle
        List<Circle> seats = new ArrayList<>(members.stream().map(Placement::getCircle).toList());
        Map<Circle, Integer> others = new HashMap<>();
        for (Circle c : seats) {
            others.computeIfAbsent(c, k -> (int) byCircle.get(k).stream()
                    .filter(p -> !department.equals(p.getMember().department())).count());
        }
        seats.sort(Comparator.comparingInt((Circle c) -> -others.get(c)).thenComparing(Circle::index));
        List<Placement> people = new ArrayList<>(members);
        people.sort(Comparator.comparingInt((Placement p) -> crossTiesSoFar.applyAsInt(p.getMember().id()))
                .thenComparing(p -> p.getMember().id()));
        List<Circle> before = members.stream().map(Placement::getCircle).toList();
        boolean changes = false;
        for (int i = 0; i < people.size(); i++) {
            changes |= people.get(i).getCircle() != seats.get(i);
        }
        if (!changes) {
            return 0;
        }
        long[] costBefore = cost(schedule, byCircle);
        for (int i = 0; i < people.size(); i++) {
            move(byCircle, people.get(i), seats.get(i));
        }
        long[] costAfter = cost(schedule, byCircle);
        if (costAfter[0] > costBefore[0] || (costAfter[0] == costBefore[0] && costAfter[1] > costBefore[1])) {
            for (int i = 0; i < members.size(); i++) {
                move(byCircle, members.get(i), before.get(i));
            }
            return 0;
        }
        int moved = 0;
        for (int i = 0; i < members.size(); i++) {
            moved += members.get(i).getCircle() != before.get(i) ? 1 : 0;
        }
        return moved;
    }

    private static void move(Map<Circle, List<Placement>> byCircle, Placement placement, Circle to) {
        byCircle.get(placement.getCircle()).remove(placement);
        placement.setCircle(to);
        byCircle.get(to).add(placement);
    }

    /** {repeats, soft} of the whole schedule, with the core's formulas. */
    private static long[] cost(CirclesSchedule schedule, Map<Circle, List<Placement>> byCircle) {
        Map<Long, Integer> meetings = new HashMap<>();
        long soft = 0;
        for (List<Placement> circle : byCircle.values()) {
            List<CircleMember> members = circle.stream().map(Placement::getMember).toList();
            soft += CircleRules.softPenalty(members, schedule.getSettings());
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    meetings.merge(MeetingHistory.pairKey(members.get(i).index(), members.get(j).index()), 1, Integer::sum);
                }
            }
        }
        long repeats = 0;
        MeetingHistory history = schedule.getHistory();
        for (Map.Entry<Long, Integer> pair : meetings.entrySet()) {
            repeats += CircleRules.repeatsOfPair(pair.getValue(), history.met(pair.getKey()));
        }
        return new long[] {repeats, soft};
    }
}
