package io.bridgeway.matching.circles.domain;

import java.time.ZoneId;
import java.util.Set;

import io.bridgeway.matching.WeeklySlot;

/** The weekly hours a person can meet, in that person's own IANA zone. */
public record PersonAvailability(ZoneId zone, Set<WeeklySlot> slots) {

    public PersonAvailability {
        if (zone == null) {
            throw new IllegalArgumentException("availability needs a time zone");
        }
        slots = slots == null ? Set.of() : Set.copyOf(slots);
    }
}
