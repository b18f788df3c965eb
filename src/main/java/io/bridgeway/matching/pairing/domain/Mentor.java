package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.PersonProfile;
import org.optaplanner.core.api.domain.lookup.PlanningId;

/** Problem fact: a person who mentors up to {@link #getCapacity()} mentees. {@code index} is dense from 0. */
public final class Mentor {

    private final int index;
    private final PersonProfile person;
    private final int capacity;

    public Mentor(int index, PersonProfile person, int capacity) {
        this.index = index;
        this.person = person;
        this.capacity = capacity;
    }

    @PlanningId
    public String getId() {
        return person.id();
    }

    public int getIndex() {
        return index;
    }

    public PersonProfile getPerson() {
        return person;
    }

    public int getCapacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "Mentor " + getId();
    }
}
