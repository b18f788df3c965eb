package io.bridgeway.matching.circles.domain;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/**
 * All rounds of one circles programme, solved jointly. Score levels: hard = group-size breaches,
 * hard also counts kept-apart pairs sharing a circle; medium = repeated meetings (the social-golfer term), soft = weighted preferences.
 */
@PlanningSolution
public class CirclesSchedule {

    private int rounds;
    @ProblemFactProperty
    private GroupSize groupSize;
    @ProblemFactCollectionProperty
    private List<CircleMember> members;
    @ProblemFactCollectionProperty
    private List<Circle> circles;
    @ProblemFactProperty
    private CirclesSettings settings;
    @ProblemFactProperty
    private MeetingHistory history;
    @ProblemFactProperty
    private KeptApart keptApart = KeptApart.none();
    @PlanningEntityCollectionProperty
    private List<Placement> placements;
    @PlanningScore
    private HardMediumSoftScore score;
    /** Asked by the custom search, which OptaPlanner's terminateEarly does not reach; shared by planning clones. */
    private BooleanSupplier stopSignal = () -> false;

    public CirclesSchedule() {
    }

    public CirclesSchedule(int rounds, GroupSize groupSize, List<CircleMember> members,
            List<Circle> circles, CirclesSettings settings, MeetingHistory history, List<Placement> placements) {
        this.rounds = rounds;
        this.groupSize = groupSize;
        this.members = members;
        this.circles = circles;
        this.settings = settings;
        this.history = history;
        this.placements = placements;
    }

    public int getRounds() {
        return rounds;
    }

    public GroupSize getGroupSize() {
        return groupSize;
    }

    public List<CircleMember> getMembers() {
        return members;
    }

    public List<Circle> getCircles() {
        return circles;
    }

    public CirclesSettings getSettings() {
        return settings;
    }

    public MeetingHistory getHistory() {
        return history;
    }

    public KeptApart getKeptApart() {
        return keptApart;
    }

    public void setKeptApart(KeptApart keptApart) {
        this.keptApart = keptApart == null ? KeptApart.none() : keptApart;
    }

    public List<Placement> getPlacements() {
        return placements;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }

    public boolean stopRequested() {
        return stopSignal.getAsBoolean();
    }

    /** Lets a caller stop the circle search early: it ends within a fraction of a second of this turning true. */
    public void setStopSignal(BooleanSupplier stopSignal) {
        this.stopSignal = stopSignal;
    }
}
