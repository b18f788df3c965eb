package io.bridgeway.programs;

import java.util.List;

/**
 * The rounds of a programme, as its page lists them. Implemented by the rounds feature, which
 * depends on programmes (not the other way round).
 */
public interface ProgramRounds {

    record RoundLink(long id, int number, String status, String solveState) {
    }

    List<RoundLink> of(Program program);

    /**
     * A mentee left unmatched in the last {@code unmatchedRounds} published rounds they took part in
     * (the waiting policy counts only the rounds in which they had an allowed mentor: {@code roundsWaited}).
     */
    record Waiter(long personId, String name, String department, int unmatchedRounds, int roundsWaited,
            String reason, String help) {
    }

    /** Enrolled mentees who have been waiting for two or more rounds, longest first. */
    List<Waiter> waiting(Program program);
}
