package io.bridgeway.rounds;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.programs.Program;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.bridgeway.matching.circles.domain.CircleExplanation;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.domain.MeetingBlock;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A manager's changes to a draft's circles: move a person to another circle of the same meeting, or seat someone the
 * meeting left out ({@link CircleLeaveOuts}) in a circle that takes them.
 */
@ApplicationScoped
public class CircleEdits {

    @Inject
    AuditLog audit;

    @Inject
    KeptApart keptApart;

    /** A move and its effect on repeats and the circle penalty (meeting counted from 0; from circle 0: not seated). */
    public record CircleMove(String person, int meeting, int fromCircle, int toCircle, int repeatsBefore,
            int repeatsAfter, long penaltyBefore, long penaltyAfter) {
    }

    /**
     * Moves a person to another circle of the same meeting and pins them there; the sizes must stay within the
     * programme's largest and the round's smallest size ({@link RoundProblems#smallestCircleSize}, as in a solve).
     * The change is measured with the canonical circles score, and both circles' meeting hour, "cannot make it" note
     * and explanation are worked out again at once.
     */
    public CircleMove move(long roundId, long personId, int meetingIndex, int circleNumber, long version,
            String actor) {
        return Transactions.write(() -> {
            MatchingRound round = Rounds.editable(roundId, version, actor);
            List<RoundCircle> circles = RoundCircle.of(round);
            if (circles.stream().noneMatch(c -> c.meetingIndex == meetingIndex)) {
                // the API counts meetings from 0, the pages from 1: name both rather than a meeting 0
                throw new RuleViolationException("This round has no meeting " + meetingIndex
                        + " (meetings are counted from 0 here, from 1 on the pages).", "meeting");
            }
            RoundCircle from = circles.stream().filter(c -> c.meetingIndex == meetingIndex
                    && c.members.stream().anyMatch(m -> m.is(personId))).findFirst().orElse(null);
            RoundNotSeated leftOut = from != null ? null : RoundNotSeated.<RoundNotSeated>find(
                    "round = ?1 and meetingIndex = ?2 and person.id = ?3", round, meetingIndex, personId).firstResult();
            if (from == null && leftOut == null) {
                throw new RuleViolationException("That person is in no circle of meeting " + (meetingIndex + 1) + ".");
            }
            RoundCircle to = circles.stream().filter(c -> c.meetingIndex == meetingIndex && c.circleNumber == circleNumber)
                    .findFirst().orElseThrow(() -> new RuleViolationException("Meeting " + (meetingIndex + 1)
                            + " has no circle " + circleNumber + "."));
            if (from == to) {
                throw new RuleViolationException("That person is already in circle " + circleNumber + ".");
            }
            Program program = round.program;
            if (to.members.size() + 1 > program.groupMax) {
                throw new RuleViolationException("Circle " + circleNumber + " would have " + (to.members.size() + 1)
                        + " members; the largest allowed is " + program.groupMax + ".");
            }
            int smallest = RoundProblems.smallestCircleSize(round);
            if (from != null && from.members.size() - 1 < smallest) {
                throw new RuleViolationException("Circle " + from.circleNumber + " would have " + (from.members.size() - 1)
                        + " members; the smallest allowed is " + smallest + ".");
            }
            Map<Long, ParticipantSnapshot> people = new HashMap<>();
            List<RoundParticipant> participants = RoundParticipant.of(round);
            participants.forEach(p -> people.put(p.person.id, ParticipantSnapshot.fromJson(p.profileJson)));
            String name = people.containsKey(personId) ? people.get(personId).profile().name() : "The person";
            // the same problem and rules as a solve, so hours, notes and score agree with "Solve again"
            CirclesProblem problem = RoundProblems.circles(round, participants, RoundResults.circleHistory(round),
                    keptApart.among(participants));
            if (keptApartFromAnyone(problem.keptApart(), personId, to)) {
                // never say why or with whom: the lists and ratings behind it are confidential
                throw new RuleViolationException(name + " cannot be seated in circle " + circleNumber + " of meeting "
                        + (meetingIndex + 1) + ". Choose another circle.");
            }
            CirclesResult before = CirclesPlanner.evaluate(problem, byMeeting(circles));
            if (from != null) {
                RoundCircle.Member moved = from.members.stream().filter(m -> m.is(personId)).findFirst().orElseThrow();
                from.members.remove(moved);
                to.members.add(new RoundCircle.Member(moved.person, true));
            } else {
                to.members.add(new RoundCircle.Member(leftOut.person, true));
                leftOut.delete();
            }
            CirclesResult after = CirclesPlanner.evaluate(problem, byMeeting(circles));
            round.circleRepeats = after.repeats();
            round.circleSoft = (long) after.soft();
            if (from != null) {
                redescribe(from, after, circles);
            }
            redescribe(to, after, circles);
            // The log names people by email, like the pair entries, so a deletion can pseudonymise it.
            String who = people.containsKey(personId) ? people.get(personId).email() : "person " + personId;
            audit.recordAs(null, actor, "CIRCLE_MEMBER_MOVED", "CIRCLE", to.id, program.id, who + " from "
                    + (from == null ? "not seated" : "circle " + from.circleNumber) + " to " + circleNumber
                    + " (meeting " + (meetingIndex + 1) + ")");
            return new CircleMove(name, meetingIndex, from == null ? 0 : from.circleNumber, circleNumber,
                    before.repeats(), after.repeats(), before.soft(), after.soft());
        });
    }

    /** Whether the circle holds someone who must never share a circle with the person (either side's reason). */
    private static boolean keptApartFromAnyone(List<List<String>> keptApart, long personId, RoundCircle circle) {
        return circle.members.stream().anyMatch(m -> m.person != null
                && KeptApart.includes(keptApart, personId, m.person.id));
    }

    /** Member ids per circle per meeting, circles in number order, as the circles core lists them. */
    private static List<List<List<String>>> byMeeting(List<RoundCircle> circles) {
        int meetings = circles.stream().mapToInt(c -> c.meetingIndex + 1).max().orElse(0);
        List<List<List<String>>> rounds = new ArrayList<>();
        for (int m = 0; m < meetings; m++) {
            int meeting = m;
            rounds.add(circles.stream().filter(c -> c.meetingIndex == meeting)
                    .sorted(Comparator.comparingInt(c -> c.circleNumber))
                    .map(c -> c.members.stream().filter(x -> x.person != null).map(x -> String.valueOf(x.person.id)).toList())
                    .toList());
        }
        return rounds;
    }

    /** The circle's hour, "cannot make it" note and explanation from the evaluated circles. */
    private static void redescribe(RoundCircle circle, CirclesResult result, List<RoundCircle> circles) {
        int position = (int) circles.stream().filter(c -> c.meetingIndex == circle.meetingIndex
                && c.circleNumber < circle.circleNumber).count() + 1;
        MeetingBlock block = result.meetingBlocks().stream()
                .filter(b -> b.round() == circle.meetingIndex + 1 && b.circle() == position).findFirst().orElse(null);
        CircleExplanation explanation = result.explanations().stream()
                .filter(e -> e.round() == circle.meetingIndex + 1 && e.circle() == position).findFirst().orElse(null);
        Map<String, String> names = new HashMap<>();
        circle.members.stream().filter(m -> m.person != null)
                .forEach(m -> names.put(String.valueOf(m.person.id), m.person.fullName));
        RoundResults.describe(circle, block, explanation, id -> names.getOrDefault(id, id));
    }
}
