package io.bridgeway.matching.circles.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countBi;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.toList;
import static org.optaplanner.core.api.score.stream.Joiners.equal;
import static org.optaplanner.core.api.score.stream.Joiners.lessThan;

import io.bridgeway.matching.circles.domain.CirclesSettings;
import io.bridgeway.matching.circles.domain.GroupSize;
import io.bridgeway.matching.circles.domain.KeptApart;
import io.bridgeway.matching.circles.domain.MeetingHistory;
import io.bridgeway.matching.circles.domain.Placement;

import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/**
 * The canonical statement of the circles model (MODEL.md, problem 2). The fast search phase optimises
 * the same rules through {@link CircleRules}; this provider computes the score the solver reports.
 * "Everyone in exactly one group per round" needs no constraint: each person has one placement per round.
 */
public class CirclesConstraintProvider implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                groupSizeOutOfBounds(factory),
                keptApart(factory),
                repeatedPairs(factory),
                sameDepartmentPairs(factory),
                timezoneSpread(factory),
                circleWithoutSenior(factory),
                membersWhoCannotMakeTheHour(factory)
        };
    }

    Constraint groupSizeOutOfBounds(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .groupBy(Placement::getCircle, count())
                .join(GroupSize.class)
                .filter((circle, size, bounds) -> !bounds.allows(size))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("Group size out of bounds");
    }

    /** One hard point per round in which a kept-apart pair shares a circle. */
    Constraint keptApart(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .join(Placement.class, equal(Placement::getCircle), lessThan(Placement::getMemberIndex))
                .join(KeptApart.class)
                .filter((a, b, apart) -> apart.contains(a.getMemberIndex(), b.getMemberIndex()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("Kept apart");
    }

    Constraint repeatedPairs(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .join(Placement.class, equal(Placement::getCircle), lessThan(Placement::getMemberIndex))
                .groupBy((a, b) -> MeetingHistory.pairKey(a.getMemberIndex(), b.getMemberIndex()), countBi())
                .join(MeetingHistory.class)
                .filter((pair, meetings, history) -> CircleRules.repeatsOfPair(meetings, history.met(pair)) > 0)
                .penalize(HardMediumSoftScore.ONE_MEDIUM,
                        (pair, meetings, history) -> CircleRules.repeatsOfPair(meetings, history.met(pair)))
                .asConstraint("Repeated pair");
    }

    Constraint sameDepartmentPairs(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .groupBy(Placement::getCircle, toList(Placement::getMember))
                .join(CirclesSettings.class)
                .filter((circle, members, settings) -> settings.sameDepartmentPairWeight() > 0
                        && CircleRules.sameDepartmentPairs(members) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, (circle, members, settings) ->
                        settings.sameDepartmentPairWeight() * CircleRules.sameDepartmentPairs(members))
                .asConstraint("Same-department pairs");
    }

    Constraint timezoneSpread(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .groupBy(Placement::getCircle, toList(Placement::getMember))
                .join(CirclesSettings.class)
                .filter((circle, members, settings) -> settings.timezoneSpreadPerHourWeight() > 0
                        && CircleRules.timezoneSpreadHours(members) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, (circle, members, settings) ->
                        settings.timezoneSpreadPerHourWeight() * CircleRules.timezoneSpreadHours(members))
                .asConstraint("Time-zone spread");
    }

    Constraint circleWithoutSenior(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .groupBy(Placement::getCircle, toList(Placement::getMember))
                .join(CirclesSettings.class)
                .filter((circle, members, settings) -> CircleRules.lacksSenior(members, settings))
                .penalize(HardMediumSoftScore.ONE_SOFT,
                        (circle, members, settings) -> settings.groupWithoutSeniorWeight())
                .asConstraint("Circle without senior");
    }

    Constraint membersWhoCannotMakeTheHour(ConstraintFactory factory) {
        return factory.forEach(Placement.class)
                .groupBy(Placement::getCircle, toList(Placement::getMember))
                .join(CirclesSettings.class)
                .filter((circle, members, settings) -> settings.unavailableMemberWeight() > 0
                        && CircleRules.unavailableMembers(members) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, (circle, members, settings) ->
                        settings.unavailableMemberWeight() * CircleRules.unavailableMembers(members))
                .asConstraint("Member cannot make the circle's hour");
    }
}
