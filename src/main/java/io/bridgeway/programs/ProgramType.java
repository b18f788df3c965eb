package io.bridgeway.programs;

/** What a programme matches: 1:1 mentor pairs, rotating peer circles, or both. */
public enum ProgramType {
    MENTORING("1:1 mentoring"),
    CIRCLES("Peer circles"),
    BOTH("1:1 mentoring and peer circles");

    public final String label;

    ProgramType(String label) {
        this.label = label;
    }

    public boolean pairs() {
        return this != CIRCLES;
    }

    public boolean circles() {
        return this != MENTORING;
    }
}
