package io.bridgeway.rounds;

import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.MeetingHistory;
import io.bridgeway.matching.circles.solver.CircleRules;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import io.bridgeway.matching.circles.solver.CirclesScheduleFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/**
 * Brings the circles that {@link CircleLeaveOuts} took below the problem's smallest size back up to it, one member at a
 * time, from the same meeting's circles above it. A move never takes someone a manager pinned at that meeting, nor
 * seats someone with a colleague they are kept apart from; of the moves left, the one after which the circles score
 * best, as the solver compares scores (fewer repeats, then the lower circle penalty), goes first; on a tie, the first
 * in circle order. A circle no move can reach stays small. Only the two circles a move touches and the moved
 * member's pairs change, so a move is scored by that change, with the rules {@link CirclesPlanner#evaluate} sums
 * ({@link CircleRules}): the same choice as measuring each candidate whole, which took about 2 s per seat at 120
 * members.
 */
final class CircleRefills {

    private final CirclesProblem problem;
    private final Set<List<String>> apart;
    private final Set<String> pinned;
    private final MeetingHistory history;
    /** "id@meeting" to the member with that meeting's free hours, as the score counts them. */
    private final Map<String, CircleMember> members = new HashMap<>();
    /** In how many meetings each pair (by member index) shares a circle. */
    private final Map<Long, Integer> meetingsOfPair = new HashMap<>();

    private CircleRefills(CirclesProblem problem, List<List<List<String>>> rounds, Set<List<String>> apart,
            Set<String> pinned) {
        this.problem = problem;
        this.apart = apart;
        this.pinned = pinned;
        CirclesSchedule schedule = CirclesScheduleFactory.build(problem);
        history = schedule.getHistory();
        schedule.getPlacements().forEach(p -> members.put(p.getMember().id() + "@" + p.getRound(), p.getMember()));
        for (int meeting = 0; meeting < rounds.size(); meeting++) {
            for (List<String> circle : rounds.get(meeting)) {
                List<CircleMember> seated = membersOf(circle, meeting);
                for (int i = 0; i < seated.size(); i++) {
                    countPairs(seated.get(i), seated.subList(i + 1, seated.size()), 1);
                }
            }
        }
    }

    /**
     * Refills, in place, the circles below the smallest size in each of {@code meetings} of {@code rounds}.
     *
     * @param pinned "id@meeting" of each member a manager pinned
     */
    static void refill(CirclesProblem problem, List<List<List<String>>> rounds, List<Integer> meetings,
            Set<List<String>> apart, Set<String> pinned) {
        CircleRefills refills = new CircleRefills(problem, rounds, apart, pinned);
        meetings.forEach(meeting -> rounds.set(meeting, refills.refilled(rounds.get(meeting), meeting)));
    }

    /** One seated member moving from circle {@code from} of a meeting to its circle {@code to}. */
    private record Move(int from, int to, String member) {

        /** The meeting's circles after this move; {@code circles} stay as they were. */
        List<List<String>> madeIn(List<List<String>> circles) {
            List<List<String>> moved = new ArrayList<>(circles);
            List<String> source = new ArrayList<>(circles.get(from));
            source.remove(member);
            List<String> target = new ArrayList<>(circles.get(to));
            target.add(member);
            moved.set(from, source);
            moved.set(to, target);
            return moved;
        }
    }

    private List<List<String>> refilled(List<List<String>> circles, int meeting) {
        for (int to = 0; to < circles.size(); to++) {
            Move move;
            while (circles.get(to).size() < problem.minGroupSize()
                    && (move = bestMoveInto(circles, meeting, to)) != null) {
                countMove(circles, meeting, move);
                circles = move.madeIn(circles);
            }
        }
        return circles;
    }

    /** The allowed move into circle {@code to} that leaves the best score; null when no move is allowed. */
    private Move bestMoveInto(List<List<String>> circles, int meeting, int to) {
        Move best = null;
        HardMediumSoftScore bestChange = null;
        for (Move move : allowedMovesInto(circles, meeting, to)) {
            HardMediumSoftScore change = scoreChange(circles, meeting, move);
            if (best == null || change.compareTo(bestChange) > 0) {
                best = move;
                bestChange = change;
            }
        }
        return best;
    }

    /**
     * Moves into circle {@code to} from a circle above the smallest size (so it stays at least that), of a member no
     * manager pinned at this meeting who is kept apart from nobody in circle {@code to}.
     */
    private List<Move> allowedMovesInto(List<List<String>> circles, int meeting, int to) {
        List<Move> moves = new ArrayList<>();
        for (int from = 0; from < circles.size(); from++) {
            if (from == to || circles.get(from).size() <= problem.minGroupSize()) {
                continue;
            }
            for (String member : circles.get(from)) {
                if (!pinned.contains(member + "@" + meeting)
                        && CircleLeaveOuts.conflicts(member, circles.get(to), apart) == 0) {
                    moves.add(new Move(from, to, member));
                }
            }
        }
        return moves;
    }

    /** How the move changes the circles score (repeats as medium, the circle penalty as soft; higher is better). */
    private HardMediumSoftScore scoreChange(List<List<String>> circles, int meeting, Move move) {
        CircleMember moving = members.get(move.member() + "@" + meeting);
        List<CircleMember> from = membersOf(circles.get(move.from()), meeting);
        List<CircleMember> to = membersOf(circles.get(move.to()), meeting);
        List<CircleMember> fromAfter = new ArrayList<>(from);
        fromAfter.remove(moving);
        List<CircleMember> toAfter = new ArrayList<>(to);
        toAfter.add(moving);
        int penalty = penalty(fromAfter) + penalty(toAfter) - penalty(from) - penalty(to);
        int repeats = fromAfter.stream().mapToInt(other -> repeatsChange(moving, other, -1)).sum()
                + to.stream().mapToInt(other -> repeatsChange(moving, other, 1)).sum();
        return HardMediumSoftScore.of(0, -repeats, -penalty);
    }

    private int penalty(List<CircleMember> circle) {
        return CircleRules.softPenalty(circle, problem.settings());
    }

    /** How the repeats of a pair change when they share a circle in {@code by} more meetings. */
    private int repeatsChange(CircleMember a, CircleMember b, int by) {
        long pair = MeetingHistory.pairKey(a.index(), b.index());
        int meetings = meetingsOfPair.getOrDefault(pair, 0);
        boolean metBefore = history.met(pair);
        return CircleRules.repeatsOfPair(meetings + by, metBefore) - CircleRules.repeatsOfPair(meetings, metBefore);
    }

    private void countMove(List<List<String>> circles, int meeting, Move move) {
        CircleMember moving = members.get(move.member() + "@" + meeting);
        countPairs(moving, membersOf(circles.get(move.from()), meeting), -1);
        countPairs(moving, membersOf(circles.get(move.to()), meeting), 1);
    }

    /** Counts {@code member} sharing a circle with each of {@code others} (but themself) {@code by} times more. */
    private void countPairs(CircleMember member, List<CircleMember> others, int by) {
        others.stream().filter(other -> other.index() != member.index())
                .forEach(other -> meetingsOfPair.merge(MeetingHistory.pairKey(member.index(), other.index()), by,
                        Integer::sum));
    }

    /** The members of a circle at {@code meeting}; ids the problem does not know are left out, as evaluate does. */
    private List<CircleMember> membersOf(List<String> circle, int meeting) {
        return circle.stream().map(id -> members.get(id + "@" + meeting)).filter(Objects::nonNull).toList();
    }
}
