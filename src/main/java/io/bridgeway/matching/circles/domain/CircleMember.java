package io.bridgeway.matching.circles.domain;

import java.util.Set;

import io.bridgeway.matching.PersonProfile;

/**
 * A person taking part in the circles, with a dense index for fast pair look-ups.
 * {@code offsetKnown} is false when the input gave no UTC offset: such a person does not widen a group's
 * time-zone spread (as in the reference checker). {@code freeUtcHours} are the UTC hours of the week (0..167)
 * the person can meet (a placement's member: in that placement's round); null means free at every hour
 * (MODEL.md, "Availability").
 */
public record CircleMember(int index, PersonProfile profile, boolean offsetKnown, Set<Integer> freeUtcHours) {

    public CircleMember {
        freeUtcHours = freeUtcHours == null ? null : Set.copyOf(freeUtcHours);
    }

    /** A member free at every hour. */
    public CircleMember(int index, PersonProfile profile, boolean offsetKnown) {
        this(index, profile, offsetKnown, null);
    }

    public boolean freeAt(int utcHourOfWeek) {
        return freeUtcHours == null || freeUtcHours.contains(utcHourOfWeek);
    }

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
