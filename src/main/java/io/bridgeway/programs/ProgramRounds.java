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
}
