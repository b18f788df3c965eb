package io.bridgeway.rounds;

/** Someone else changed the round since the page was loaded; the message names them. */
public class RoundConflictException extends RuntimeException {

    /** True when {@code error} comes from a concurrent commit of the same row (JPA optimistic locking). */
    public static boolean causedByConcurrentChange(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    public RoundConflictException(String changedBy) {
        super("This round was changed by " + (changedBy == null ? "someone else" : changedBy)
                + " since you opened it. Reload the page to see the latest version, then try again.");
    }
}
