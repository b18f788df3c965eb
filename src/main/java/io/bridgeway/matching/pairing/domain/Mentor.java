package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.PersonProfile;

/** Problem fact: a person who mentors up to {@link #getCapacity()} mentees. {@code index} is dense from 0. */
public final class Mentor extends PairingParticipant {

    private final int capacity;

    public Mentor(int index, PersonProfile person, int capacity) {
        this(index, person, capacity, null);
    }

    public Mentor(int index, PersonProfile person, int capacity, FreeHours freeHours) {
        super(index, person, freeHours);
        this.capacity = capacity;
    }

    public int getCapacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "Mentor " + getId();
    }
}
