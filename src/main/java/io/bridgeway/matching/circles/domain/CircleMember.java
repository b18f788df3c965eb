package io.bridgeway.matching.circles.domain;

import io.bridgeway.matching.PersonProfile;

/**
 * A person taking part in the circles, with a dense index for fast pair look-ups.
 * {@code offsetKnown} is false when the input gave no UTC offset: such a person does not widen a group's
 * time-zone spread (as in the reference checker).
 */
public record CircleMember(int index, PersonProfile profile, boolean offsetKnown) {

    public String id() {
        return profile.id();
    }

    public String department() {
        return profile.department();
    }

    @Override
    public String toString() {
        return profile.id();
    }
}
