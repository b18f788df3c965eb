package io.bridgeway.rounds;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.programs.Program;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A manager's changes to a draft's circles: move a person to another circle of the same meeting. */
@ApplicationScoped
public class CircleEdits {

    @Inject
    AuditLog audit;

    /** A move and its effect on repeats and the circle penalty (meeting counted from 0). */
    public record CircleMove(String person, int meeting, int fromCircle, int toCircle, int repeatsBefore,
            int repeatsAfter, long penaltyBefore, long penaltyAfter) {
    }

    /**
     * Moves a person to another circle of the same meeting and pins them there; the sizes must stay
     * within the programme's bounds. The change is measured with the canonical circles score.
     */
    public CircleMove move(long roundId, long personId, int meetingIndex, int circleNumber, long version,
            String actor) {
        return Transactions.write(() -> {
            MatchingRound round = Rounds.editable(roundId, version, actor);
            List<RoundCircle> circles = RoundCircle.of(round);
            RoundCircle from = circles.stream().filter(c -> c.meetingIndex == meetingIndex
                    && c.members.stream().anyMatch(m -> m.is(personId))).findFirst()
                    .orElseThrow(() -> new RuleViolationException("That person is in no circle of meeting " + (meetingIndex + 1) + "."));
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
            if (from.members.size() - 1 < program.groupMin) {
                throw new RuleViolationException("Circle " + from.circleNumber + " would have " + (from.members.size() - 1)
                        + " members; the smallest allowed is " + program.groupMin + ".");
            }
            Map<Long, ParticipantSnapshot> people = new HashMap<>();
            RoundParticipant.of(round).forEach(p -> people.put(p.person.id, ParticipantSnapshot.fromJson(p.profileJson)));
            List<List<String>> history = RoundResults.circleHistory(round);
            var settings = RoundProblems.circlesSettings(program);
            CircleScore before = CircleScore.of(memberLists(circles), history, people, settings);
            RoundCircle.Member moved = from.members.stream().filter(m -> m.is(personId)).findFirst().orElseThrow();
            from.members.remove(moved);
            to.members.add(new RoundCircle.Member(moved.person, true));
            CircleScore after = CircleScore.of(memberLists(circles), history, people, settings);
            round.circleRepeats = after.repeats();
            round.circleSoft = after.soft();
            String name = people.containsKey(personId) ? people.get(personId).profile().name() : "The person";
            // The log names people by email, like the pair entries, so a deletion can pseudonymise it.
            String who = people.containsKey(personId) ? people.get(personId).email() : "person " + personId;
            audit.recordAs(null, actor, "CIRCLE_MEMBER_MOVED", "CIRCLE", to.id, program.id, who + " from circle "
                    + from.circleNumber + " to " + circleNumber + " (meeting " + (meetingIndex + 1) + ")");
            return new CircleMove(name, meetingIndex, from.circleNumber, circleNumber, before.repeats(),
                    after.repeats(), before.soft(), after.soft());
        });
    }

    private static List<List<Long>> memberLists(List<RoundCircle> circles) {
        return circles.stream().map(c -> c.members.stream().map(RoundCircle.Member::personId).toList()).toList();
    }
}
