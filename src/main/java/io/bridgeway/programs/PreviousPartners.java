package io.bridgeway.programs;

/** How earlier partners are treated when a programme matches again. */
public enum PreviousPartners {
    /** Penalise a repeat of a pair from the last N rounds (the canonical model). */
    AVOID("Avoid earlier partners"),
    /** Keep pairs together across rounds. */
    PREFER_CONTINUITY("Prefer continuity");

    public final String label;

    PreviousPartners(String label) {
        this.label = label;
    }
}
