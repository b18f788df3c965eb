package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.domain.HardRule;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.PairJustification;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.SoftTerm;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.bi.BiConstraintBuilder;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;

import java.util.List;
import java.util.function.ToLongBiFunction;

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
                previousPair(factory),
                continuedPair(factory),
                noCommonFreeHour(factory)
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
                .justifyWith((a, rules, score) -> PairJustification.of(a, rule.brokenText()))
                .indictWith((a, rules) -> List.of(a))
                .asConstraint(rule.constraintName());
    }

    // ---- hard ----

    Constraint mentorCapacity(ConstraintFactory factory) {
        return factory.forEach(MenteeAssignment.class)
                .groupBy(MenteeAssignment::getMentor, ConstraintCollectors.count())
                .filter((mentor, count) -> count > mentor.getCapacity())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (mentor, count) -> count - mentor.getCapacity())
                .justifyWith((mentor, count, score) -> new PairJustification(mentor.getId(), null,
                        "mentor " + mentor.getId() + " has " + count + " mentees, capacity " + mentor.getCapacity()))
                .indictWith((mentor, count) -> List.of(mentor))
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
                .justifyWith((a, rules, score) -> PairJustification.of(a,
                        "mentee " + a.getMentee().getId() + " (priority " + rules.effectivePriority(a.getMentee()) + ") is unmatched"))
                .indictWith((a, rules) -> List.of(a))
                .asConstraint("Unmatched mentee");
    }

    // ---- soft: pair weight w(m, e), one constraint per SoftTerm ----

    /** The sentence is built only when explaining (justifications are not computed while solving). */
    private static Constraint softTerm(ConstraintFactory factory, SoftTerm term) {
        BiConstraintStream<MenteeAssignment, PairRules> matches = pairs(factory)
                .filter((a, rules) -> rules.amount(term, a.getMentor(), a.getMentee()) != 0);
        ToLongBiFunction<MenteeAssignment, PairRules> amount = (a, rules) -> rules.amount(term, a.getMentor(), a.getMentee());
        BiConstraintBuilder<MenteeAssignment, PairRules, HardSoftLongScore> weighed = term.isReward()
                ? matches.rewardLong(HardSoftLongScore.ONE_SOFT, amount)
                : matches.penalizeLong(HardSoftLongScore.ONE_SOFT, amount);
        return weighed
                .justifyWith((a, rules, score) -> PairJustification.of(a,
                        rules.contribution(term, a.getMentor(), a.getMentee()).text()))
                .indictWith((a, rules) -> List.of(a))
                .asConstraint(term.constraintName());
    }

    Constraint goalFit(ConstraintFactory factory) {
        return softTerm(factory, SoftTerm.GOAL_FIT);
    }

    Constraint crossDepartmentBonus(ConstraintFactory factory) {
        return softTerm(factory, SoftTerm.CROSS_DEPARTMENT);
    }

    Constraint timeZoneDistance(ConstraintFactory factory) {
        return softTerm(factory, SoftTerm.TIME_ZONE_DISTANCE);
    }

    Constraint levelGapOver3(ConstraintFactory factory) {
        return softTerm(factory, SoftTerm.LEVEL_GAP_OVER_3);
    }

    Constraint previousPair(ConstraintFactory factory) {
        return softTerm(factory, SoftTerm.PREVIOUS_PAIR);
    }

    Constraint continuedPair(ConstraintFactory factory) {
        return softTerm(factory, SoftTerm.CONTINUED_PAIR);
    }

    Constraint noCommonFreeHour(ConstraintFactory factory) {
        return softTerm(factory, SoftTerm.NO_COMMON_FREE_HOUR);
    }
}
