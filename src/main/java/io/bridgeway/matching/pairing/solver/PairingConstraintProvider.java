package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.domain.HardRule;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.PairRules;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;

/**
 * One constraint per rule of MODEL.md problem 1. All formulas are in {@link PairRules}.
 * Soft score = sum of pair weights - 1000 * priority per unmatched mentee = objective - constant.
 */
public class PairingConstraintProvider implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                mentorCapacity(factory),
                samePerson(factory),
                reportingChain(factory),
                doNotPair(factory),
                levelGapTooSmall(factory),
                noSharedLanguage(factory),
                timeZonesTooFarApart(factory),
                sameDepartmentWhenRequired(factory),
                unmatchedMentee(factory),
                goalFit(factory),
                crossDepartmentBonus(factory),
                timeZoneDistance(factory),
                levelGapOver3(factory),
                previousPair(factory)
        };
    }

    /** Assigned pairs with the rules fact, the base of every pair constraint. */
    private static BiConstraintStream<MenteeAssignment, PairRules> pairs(ConstraintFactory factory) {
        return factory.forEach(MenteeAssignment.class).join(PairRules.class);
    }

    private static Constraint hardRule(ConstraintFactory factory, HardRule rule) {
        return pairs(factory)
                .filter((assignment, rules) -> rules.breaks(rule, assignment.getMentor(), assignment.getMentee()))
                .penalize(HardSoftLongScore.ONE_HARD)
                .asConstraint(rule.constraintName());
    }

    // ---- hard ----

    Constraint mentorCapacity(ConstraintFactory factory) {
        return factory.forEach(MenteeAssignment.class)
                .groupBy(MenteeAssignment::getMentor, ConstraintCollectors.count())
                .filter((mentor, count) -> count > mentor.getCapacity())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (mentor, count) -> count - mentor.getCapacity())
                .asConstraint("Mentor capacity");
    }

    Constraint samePerson(ConstraintFactory factory) {
        return hardRule(factory, HardRule.SAME_PERSON);
    }

    Constraint reportingChain(ConstraintFactory factory) {
        return hardRule(factory, HardRule.REPORTING_CHAIN);
    }

    Constraint doNotPair(ConstraintFactory factory) {
        return hardRule(factory, HardRule.DO_NOT_PAIR);
    }

    Constraint levelGapTooSmall(ConstraintFactory factory) {
        return hardRule(factory, HardRule.LEVEL_GAP_TOO_SMALL);
    }

    Constraint noSharedLanguage(ConstraintFactory factory) {
        return hardRule(factory, HardRule.NO_SHARED_LANGUAGE);
    }

    Constraint timeZonesTooFarApart(ConstraintFactory factory) {
        return hardRule(factory, HardRule.TIME_ZONES_TOO_FAR_APART);
    }

    Constraint sameDepartmentWhenRequired(ConstraintFactory factory) {
        return hardRule(factory, HardRule.SAME_DEPARTMENT);
    }

    // ---- matching as many (priority-weighted) mentees as possible ----

    Constraint unmatchedMentee(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(MenteeAssignment.class)
                .filter(assignment -> assignment.getMentor() == null)
                .join(PairRules.class)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (assignment, rules) -> rules.matchedValue(assignment.getMentee()))
                .asConstraint("Unmatched mentee");
    }

    // ---- soft: pair weight w(m, e) ----

    Constraint goalFit(ConstraintFactory factory) {
        return pairs(factory)
                .filter((a, rules) -> rules.goalFitPoints(a.getMentor(), a.getMentee()) != 0)
                .rewardLong(HardSoftLongScore.ONE_SOFT, (a, rules) -> rules.goalFitPoints(a.getMentor(), a.getMentee()))
                .asConstraint("Goal fit");
    }

    Constraint crossDepartmentBonus(ConstraintFactory factory) {
        return pairs(factory)
                .filter((a, rules) -> rules.crossDepartmentPoints(a.getMentor(), a.getMentee()) != 0)
                .rewardLong(HardSoftLongScore.ONE_SOFT, (a, rules) -> rules.crossDepartmentPoints(a.getMentor(), a.getMentee()))
                .asConstraint("Cross-department bonus");
    }

    Constraint timeZoneDistance(ConstraintFactory factory) {
        return pairs(factory)
                .filter((a, rules) -> rules.timeZoneDistancePenalty(a.getMentor(), a.getMentee()) != 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (a, rules) -> rules.timeZoneDistancePenalty(a.getMentor(), a.getMentee()))
                .asConstraint("Time-zone distance");
    }

    Constraint levelGapOver3(ConstraintFactory factory) {
        return pairs(factory)
                .filter((a, rules) -> rules.largeLevelGapPenalty(a.getMentor(), a.getMentee()) != 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (a, rules) -> rules.largeLevelGapPenalty(a.getMentor(), a.getMentee()))
                .asConstraint("Level gap over 3");
    }

    Constraint previousPair(ConstraintFactory factory) {
        return pairs(factory)
                .filter((a, rules) -> rules.previousPairPenalty(a.getMentor(), a.getMentee()) != 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (a, rules) -> rules.previousPairPenalty(a.getMentor(), a.getMentee()))
                .asConstraint("Previous pair");
    }
}
