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
    private List<Mentor> candidateMentors = List.of();

    public Mentee(int index, PersonProfile person, int priority) {
        super(index, person);
        this.priority = priority;
    }

    public int getPriority() {
        return priority;
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
