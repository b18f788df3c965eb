package io.bridgeway.rounds;

/** Someone else changed the round since the page was loaded; the message names them. */
public class RoundConflictException extends RuntimeException {

    public RoundConflictException(String changedBy) {
        super("This round was changed by " + (changedBy == null ? "someone else" : changedBy)
                + " since you opened it. Reload the page to see the latest version, then try again.");
    }
}
