package io.bridgeway.matching.pairing.domain;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

import java.util.List;

/** Planning entity: the mentor of one mentee, or null when the mentee stays unmatched. */
@PlanningEntity
public class MenteeAssignment {

    private String id;
    private Mentee mentee;
    @PlanningVariable(valueRangeProviderRefs = "candidateMentors", nullable = true)
    private Mentor mentor;
    /** A manager fixed this mentor (or fixed "unmatched"); the solver must not change it. */
    @PlanningPin
    private boolean pinned;

    public MenteeAssignment() {
    }

    public MenteeAssignment(Mentee mentee, Mentor mentor, boolean pinned) {
        this.id = mentee.getId();
        this.mentee = mentee;
        this.mentor = mentor;
        this.pinned = pinned;
    }

    @PlanningId
    public String getId() {
        return id;
    }

    public Mentee getMentee() {
        return mentee;
    }

    public Mentor getMentor() {
        return mentor;
    }

    public void setMentor(Mentor mentor) {
        this.mentor = mentor;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    /** Only mentors the hard rules allow (plus a pinned one), so moves stay feasible. */
    @ValueRangeProvider(id = "candidateMentors")
    public List<Mentor> getCandidateMentors() {
        return mentee.getCandidateMentors();
    }

    @Override
    public String toString() {
        return mentee.getId() + " -> " + (mentor == null ? "unmatched" : mentor.getId()) + (pinned ? " (pinned)" : "");
    }
}
