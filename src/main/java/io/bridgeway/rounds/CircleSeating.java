package io.bridgeway.rounds;

import io.bridgeway.matching.circles.domain.Circle;
import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.MeetingHistory;
import io.bridgeway.matching.circles.domain.Placement;
import io.bridgeway.matching.circles.solver.CircleRules;
import io.bridgeway.matching.circles.solver.CirclesSolverConfig;
import io.bridgeway.matching.circles.solver.MeetingTimePlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Where circle sizes force a choice, the least connected get the more diverse seats. After the solver, within one
 * meeting, two members of the same department swap seats when the one with fewer cross-department ties so far
 * moves to the circle with more people from other departments. Each circle keeps its department mix, so the
 * same-department term and every circle's size are unchanged. A swap is kept only if no kept-apart pair comes to
 * share a circle, repeats and the circle penalty do not get worse, and nobody who could make their circle's
 * meeting hour loses it; so the solver's optimum stays an optimum and the meeting hours stay as good for everyone.
 */
public final class CircleSeating {

    private CircleSeating() {
    }

    private static final SolutionManager<CirclesSchedule, HardMediumSoftScore> SCORER = SolutionManager.create(
            SolverFactory.create(CirclesSolverConfig.create(Duration.ofSeconds(1))));

    /** Reseats a solved schedule of {@code problem} and, when anyone moved, scores it again with the constraints. */
    public static int seatLeastConnectedAndRescore(CirclesProblem problem, CirclesSchedule schedule,
            ToIntFunction<String> crossTiesSoFar) {
        int moved = seatLeastConnected(problem, schedule, crossTiesSoFar);
        if (moved > 0) {
            SCORER.update(schedule);
        }
        return moved;
    }

    /** Reseats {@code schedule} (solved from {@code problem}) in place; returns how many placements moved. */
    public static int seatLeastConnected(CirclesProblem problem, CirclesSchedule schedule,
            ToIntFunction<String> crossTiesSoFar) {
        Map<Placement, Circle> before = new HashMap<>();
        schedule.getPlacements().forEach(p -> before.put(p, p.getCircle()));
        new Seats(problem, schedule, crossTiesSoFar).reseat();
        return (int) schedule.getPlacements().stream().filter(p -> p.getCircle() != before.get(p)).count();
    }

    /** The schedule's circles and pair counts, kept up to date as swaps are kept. */
    private static final class Seats {

        private final CirclesProblem problem;
        private final CirclesSchedule schedule;
        private final ToIntFunction<String> ties;
        private final Map<Circle, List<Placement>> byCircle = new LinkedHashMap<>();
        /** How often each pair (by member index) meets in the schedule. */
        private final Map<Long, Integer> meetings = new HashMap<>();

        Seats(CirclesProblem problem, CirclesSchedule schedule, ToIntFunction<String> ties) {
            this.problem = problem;
            this.schedule = schedule;
            this.ties = ties;
            schedule.getCircles().forEach(c -> byCircle.put(c, new ArrayList<>()));
            schedule.getPlacements().forEach(p -> byCircle.get(p.getCircle()).add(p));
            for (List<Placement> circle : byCircle.values()) {
                for (int i = 0; i < circle.size(); i++) {
                    for (int j = i + 1; j < circle.size(); j++) {
                        meetings.merge(key(circle.get(i), circle.get(j)), 1, Integer::sum);
                    }
                }
            }
        }

        void reseat() {
            for (int round = 0; round < schedule.getRounds(); round++) {
                // no availability data: no meeting hours are planned, so there is nothing to keep
                MeetingTimePlanner.RoundHours hours = problem.availability().isEmpty()
                        ? null : new MeetingTimePlanner.RoundHours(problem, round);
                Map<String, List<Placement>> byDepartment = new TreeMap<>();
                for (Placement p : schedule.getPlacements()) {
                    if (p.getRound() == round && !p.isPinned() && p.getMember().department() != null) {
                        byDepartment.computeIfAbsent(p.getMember().department(), k -> new ArrayList<>()).add(p);
                    }
                }
                byDepartment.forEach((department, members) -> reseat(department, members, hours));
            }
        }

        /**
         * Least connected first, each takes the most diverse seat held by a better connected colleague that it can
         * take; passes repeat until no swap is kept. Every kept swap lowers sum(ties x others), so this ends.
         */
        private void reseat(String department, List<Placement> members, MeetingTimePlanner.RoundHours hours) {
            if (members.size() < 2) {
                return;
            }
            // a seat's value, people from other departments in the circle, does not change under these swaps
            Map<Circle, Integer> others = new HashMap<>();
            for (Placement p : members) {
                others.computeIfAbsent(p.getCircle(), c -> (int) byCircle.get(c).stream()
                        .filter(q -> !department.equals(q.getMember().department())).count());
            }
            Comparator<Placement> byId = Comparator.comparing(p -> p.getMember().id());
            List<Placement> leastConnectedFirst = new ArrayList<>(members);
            leastConnectedFirst.sort(Comparator.comparingInt(this::tiesOf).thenComparing(byId));
            boolean swapped = true;
            while (swapped) {
                swapped = false;
                for (Placement mover : leastConnectedFirst) {
                    List<Placement> seatHolders = new ArrayList<>(members);
                    seatHolders.sort(Comparator.comparingInt((Placement p) -> -others.get(p.getCircle()))
                            .thenComparing(p -> p.getCircle().index()).thenComparing(byId));
                    for (Placement holder : seatHolders) {
                        if (others.get(holder.getCircle()) <= others.get(mover.getCircle())) {
                            break;
                        }
                        if (tiesOf(holder) > tiesOf(mover) && swapIfNoWorse(mover, holder, hours)) {
                            swapped = true;
                            break;
                        }
                    }
                }
            }
        }

        private int tiesOf(Placement p) {
            return ties.applyAsInt(p.getMember().id());
        }

        /** Swaps the circles of {@code a} and {@code b} unless repeats, the penalty or attendance would get worse. */
        private boolean swapIfNoWorse(Placement a, Placement b, MeetingTimePlanner.RoundHours hours) {
            Circle circleA = a.getCircle();
            Circle circleB = b.getCircle();
            List<Placement> membersA = byCircle.get(circleA);
            List<Placement> membersB = byCircle.get(circleB);
            List<Placement> newA = replaced(membersA, a, b);
            List<Placement> newB = replaced(membersB, b, a);
            if (keptApartFromAnyone(a, newB) || keptApartFromAnyone(b, newA)) {
                return false; // a hard rule: never traded for a more diverse seat
            }
            if (repeatsChange(a, b, membersA, membersB) > 0) {
                return false;
            }
            if (softPenalty(newA) + softPenalty(newB) > softPenalty(membersA) + softPenalty(membersB)) {
                return false;
            }
            if (hours != null) {
                Set<String> unableBefore = unable(hours, membersA);
                unableBefore.addAll(unable(hours, membersB));
                Set<String> unableAfter = unable(hours, newA);
                unableAfter.addAll(unable(hours, newB));
                if (!unableBefore.containsAll(unableAfter)) {
                    return false;
                }
            }
            for (Placement x : membersA) {
                if (x != a) {
                    meetings.merge(key(a, x), -1, Integer::sum);
                    meetings.merge(key(b, x), 1, Integer::sum);
                }
            }
            for (Placement y : membersB) {
                if (y != b) {
                    meetings.merge(key(b, y), -1, Integer::sum);
                    meetings.merge(key(a, y), 1, Integer::sum);
                }
            }
            byCircle.put(circleA, newA);
            byCircle.put(circleB, newB);
            a.setCircle(circleB);
            b.setCircle(circleA);
            return true;
        }

        private boolean keptApartFromAnyone(Placement p, List<Placement> circle) {
            return circle.stream().anyMatch(q -> q != p
                    && schedule.getKeptApart().contains(p.getMemberIndex(), q.getMemberIndex()));
        }

        /** Change in repeats when a (in membersA) and b (in membersB) swap: only pairs with a or b change. */
        private long repeatsChange(Placement a, Placement b, List<Placement> membersA, List<Placement> membersB) {
            long change = 0;
            for (Placement x : membersA) {
                if (x != a) {
                    change += repeatsAfter(key(a, x), -1) + repeatsAfter(key(b, x), 1);
                }
            }
            for (Placement y : membersB) {
                if (y != b) {
                    change += repeatsAfter(key(b, y), -1) + repeatsAfter(key(a, y), 1);
                }
            }
            return change;
        }

        /** How a pair's repeats change when it meets {@code delta} times more. */
        private long repeatsAfter(long pair, int delta) {
            int now = meetings.getOrDefault(pair, 0);
            MeetingHistory history = schedule.getHistory();
            return CircleRules.repeatsOfPair(now + delta, history.met(pair))
                    - CircleRules.repeatsOfPair(now, history.met(pair));
        }

        private int softPenalty(List<Placement> circle) {
            List<CircleMember> members = circle.stream().map(Placement::getMember).toList();
            return CircleRules.softPenalty(members, schedule.getSettings());
        }

        private static Set<String> unable(MeetingTimePlanner.RoundHours hours, List<Placement> circle) {
            return new HashSet<>(hours.plan(0, circle.stream().map(p -> p.getMember().id()).toList()).cannotAttend());
        }

        private static List<Placement> replaced(List<Placement> circle, Placement out, Placement in) {
            List<Placement> copy = new ArrayList<>(circle);
            copy.set(copy.indexOf(out), in);
            return copy;
        }

        private static long key(Placement a, Placement b) {
            return MeetingHistory.pairKey(a.getMemberIndex(), b.getMemberIndex());
        }
    }
}
