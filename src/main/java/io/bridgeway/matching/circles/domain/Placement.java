package io.bridgeway.matching.circles.domain;

import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * One person in one round; the planning variable is the circle of that round they join.
 * Every person has one placement per round, so "everyone in exactly one group" holds by construction.
 */
@PlanningEntity
public class Placement {

    @PlanningId
    private String id;
    private CircleMember member;
    private int round;
    /** The circles of this placement's round only, so a person never lands in another round's circle. */
    private List<Circle> roundCircles;
    @PlanningVariable(valueRangeProviderRefs = "roundCircles")
    private Circle circle;
    /** Reserved for pinning a person to a circle (a later issue); the search phases respect it. */
    @PlanningPin
    private boolean pinned;

    public Placement() {
    }

    public Placement(CircleMember member, int round, List<Circle> roundCircles, Circle circle) {
        this.id = member.id() + "@r" + (round + 1);
        this.member = member;
        this.round = round;
        this.roundCircles = roundCircles;
        this.circle = circle;
    }

    @ValueRangeProvider(id = "roundCircles")
    public List<Circle> getRoundCircles() {
        return roundCircles;
    }

    public String getId() {
        return id;
    }

    public CircleMember getMember() {
        return member;
    }

    public int getMemberIndex() {
        return member.index();
    }

    public int getRound() {
        return round;
    }

    public Circle getCircle() {
        return circle;
    }

    public void setCircle(Circle circle) {
        this.circle = circle;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    @Override
    public String toString() {
        return id + "->" + circle;
    }
}
