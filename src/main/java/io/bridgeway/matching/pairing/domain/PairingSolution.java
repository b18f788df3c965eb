package io.bridgeway.matching.pairing.domain;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Planning solution. Score: hard = broken hard rules; soft = sum of pair weights minus
 * matchedPriorityWeight * priority per unmatched mentee, i.e. the MODEL.md objective minus a constant.
 */
@PlanningSolution
public class PairingSolution {

    private String name;
    @ProblemFactProperty
    private PairRules rules;
    @ProblemFactCollectionProperty
    private List<Mentor> mentors;
    @ProblemFactCollectionProperty
    private List<Mentee> mentees;
    @PlanningEntityCollectionProperty
    private List<MenteeAssignment> assignments;
    @PlanningScore
    private HardSoftLongScore score;
    /** Asked by the exact step, which OptaPlanner's terminateEarly does not reach; shared by planning clones. */
    private BooleanSupplier stopSignal = () -> false;

    public PairingSolution() {
    }

    public PairingSolution(String name, PairRules rules, List<Mentor> mentors, List<Mentee> mentees,
            List<MenteeAssignment> assignments) {
        this.name = name;
        this.rules = rules;
        this.mentors = mentors;
        this.mentees = mentees;
        this.assignments = assignments;
    }

    public String getName() {
        return name;
    }

    public PairRules getRules() {
        return rules;
    }

    public List<Mentor> getMentors() {
        return mentors;
    }

    public List<Mentee> getMentees() {
        return mentees;
    }

    public List<MenteeAssignment> getAssignments() {
        return assignments;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }

    /** The MODEL.md objective of the current assignment (hard rules ignored). */
    public long objective() {
        long total = 0;
        for (MenteeAssignment assignment : assignments) {
            if (assignment.getMentor() != null) {
                total += rules.pairValue(assignment.getMentor(), assignment.getMentee());
            }
        }
        return total;
    }

    /** True once the caller's stop signal is, or the solving thread was interrupted. */
    public boolean stopRequested() {
        return stopSignal.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /**
     * Lets a caller stop the exact step early (e.g. {@code solver::isTerminateEarly}, or a SolverManager job's
     * own flag): it ends within milliseconds of this turning true, with a valid partial matching.
     */
    public void setStopSignal(BooleanSupplier stopSignal) {
        this.stopSignal = stopSignal;
    }
}
