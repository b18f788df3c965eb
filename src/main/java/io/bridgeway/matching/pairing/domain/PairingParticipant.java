package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.PersonProfile;
import org.optaplanner.core.api.domain.lookup.PlanningId;

/** A person in a pairing problem, in one role; {@code index} is dense from 0 within that role. */
public abstract class PairingParticipant {

    private final int index;
    private final PersonProfile person;

    protected PairingParticipant(int index, PersonProfile person) {
        this.index = index;
        this.person = person;
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
}
