package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.PersonProfile;
import org.optaplanner.core.api.domain.lookup.PlanningId;

/** A person in a pairing problem, in one role; {@code index} is dense from 0 within that role. */
public abstract class PairingParticipant {

    private final int index;
    private final PersonProfile person;
    private final FreeHours freeHours;

    protected PairingParticipant(int index, PersonProfile person, FreeHours freeHours) {
        this.index = index;
        this.person = person;
        this.freeHours = freeHours;
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

    /** The person's free hours of the week; null when they gave none (free at every hour). */
    public FreeHours getFreeHours() {
        return freeHours;
    }
}
