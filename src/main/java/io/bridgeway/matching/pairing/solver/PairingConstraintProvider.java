package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.domain.Contribution;
import io.bridgeway.matching.pairing.domain.HardRule;
import io.bridgeway.matching.pairing.domain.Mentee;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairJustification;
import io.bridgeway.matching.pairing.domain.PairRules;
import org.optaplanner.core.api.function.TriFunction;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;

import java.util.List;

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
                continuedPair(factory)
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
                .justifyWith((a, rules, score) -> new PairJustification(a.getMentor().getId(), a.getMentee().getId(),
                        a.getMentor().getId() + " - " + a.getMentee().getId() + ": mentor " + rule.mentorPhrase()))
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
                .justifyWith((a, rules, score) -> new PairJustification(null, a.getMentee().getId(),
                        "mentee " + a.getMentee().getId() + " (priority " + rules.effectivePriority(a.getMentee()) + ") is unmatched"))
                .indictWith((a, rules) -> List.of(a))
                .asConstraint("Unmatched mentee");
    }

    // ---- soft: pair weight w(m, e) ----

    /** The size (0 or more) of one term of w(m, e), as computed by {@link PairRules}. */
    @FunctionalInterface
    private interface PairTerm {
        long amount(PairRules rules, Mentor mentor, Mentee mentee);
    }

    private static BiConstraintStream<MenteeAssignment, PairRules> pairsWith(ConstraintFactory factory, PairTerm term) {
        return pairs(factory).filter((a, rules) -> term.amount(rules, a.getMentor(), a.getMentee()) != 0);
    }

    /** The sentence is built only when explaining (justifications are not computed while solving). */
    private static PairJustification justification(MenteeAssignment a, PairRules rules,
            TriFunction<PairRules, Mentor, Mentee, Contribution> explanation) {
        return new PairJustification(a.getMentor().getId(), a.getMentee().getId(),
                explanation.apply(rules, a.getMentor(), a.getMentee()).text());
    }

    private static Constraint softReward(ConstraintFactory factory, String name, PairTerm term,
            TriFunction<PairRules, Mentor, Mentee, Contribution> explanation) {
        return pairsWith(factory, term)
                .rewardLong(HardSoftLongScore.ONE_SOFT, (a, rules) -> term.amount(rules, a.getMentor(), a.getMentee()))
                .justifyWith((a, rules, score) -> justification(a, rules, explanation))
                .indictWith((a, rules) -> List.of(a))
                .asConstraint(name);
    }

    private static Constraint softPenalty(ConstraintFactory factory, String name, PairTerm term,
            TriFunction<PairRules, Mentor, Mentee, Contribution> explanation) {
        return pairsWith(factory, term)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (a, rules) -> term.amount(rules, a.getMentor(), a.getMentee()))
                .justifyWith((a, rules, score) -> justification(a, rules, explanation))
                .indictWith((a, rules) -> List.of(a))
                .asConstraint(name);
    }

    Constraint goalFit(ConstraintFactory factory) {
        return softReward(factory, "Goal fit", PairRules::goalFitPoints, PairRules::goalFitContribution);
    }

    Constraint crossDepartmentBonus(ConstraintFactory factory) {
        return softReward(factory, "Cross-department bonus", PairRules::crossDepartmentPoints,
                PairRules::crossDepartmentContribution);
    }

    Constraint timeZoneDistance(ConstraintFactory factory) {
        return softPenalty(factory, "Time-zone distance", PairRules::timeZoneDistancePenalty,
                PairRules::timeZoneDistanceContribution);
    }

    Constraint levelGapOver3(ConstraintFactory factory) {
        return softPenalty(factory, "Level gap over 3", PairRules::largeLevelGapPenalty,
                PairRules::largeLevelGapContribution);
    }

    Constraint previousPair(ConstraintFactory factory) {
        return softPenalty(factory, "Previous pair", PairRules::previousPairPenalty,
                PairRules::previousPairContribution);
    }

    Constraint continuedPair(ConstraintFactory factory) {
        return softReward(factory, "Continued pair", PairRules::continuityPoints, PairRules::continuityContribution);
    }
}
