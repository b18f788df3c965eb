package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.PersonProfile;

import java.util.List;

/**
 * Problem fact: a person asking for a mentor. It keeps the candidate mentors (those the hard rules
 * allow, plus a pinned mentor even if forbidden) so that the solver never proposes a forbidden pair
 * and the solution cloner does not copy the lists.
 */
public final class Mentee extends PairingParticipant {

    private final int priority;
    private final int roundsWaited;
    private List<Mentor> candidateMentors = List.of();

    public Mentee(int index, PersonProfile person, int priority) {
        this(index, person, priority, 0);
    }

    public Mentee(int index, PersonProfile person, int priority, int roundsWaited) {
        this(index, person, priority, roundsWaited, null);
    }

    public Mentee(int index, PersonProfile person, int priority, int roundsWaited, FreeHours freeHours) {
        super(index, person, freeHours);
        this.priority = priority;
        this.roundsWaited = roundsWaited;
    }

    /** The priority the mentee enrolled with (1..3); see {@link PairRules#effectivePriority} for waiting. */
    public int getPriority() {
        return priority;
    }

    /** Published rounds in a row this mentee was eligible and left unmatched. */
    public int getRoundsWaited() {
        return roundsWaited;
    }

    public List<Mentor> getCandidateMentors() {
        return candidateMentors;
    }

    public void setCandidateMentors(List<Mentor> candidateMentors) {
        this.candidateMentors = List.copyOf(candidateMentors);
    }

    @Override
    public String toString() {
        return "Mentee " + getId();
    }
}
