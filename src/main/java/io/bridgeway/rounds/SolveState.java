package io.bridgeway.rounds;

/** The state of a round's solver job, apart from the round's own status. */
public enum SolveState {
    /** Queued or running now. */
    SOLVING,
    /** Finished by itself. */
    SOLVED,
    /** A manager pressed Stop; the best solution so far was kept. */
    STOPPED,
    /** The solver threw; the message says why. The round can be solved again. */
    FAILED,
    /** The application stopped while solving; the round can be solved again. */
    INTERRUPTED;

    public boolean running() {
        return this == SOLVING;
    }

    /** The solve completed or a manager stopped it: its result is whole and may be published. */
    public boolean publishable() {
        return this == SOLVED || this == STOPPED;
    }
}
