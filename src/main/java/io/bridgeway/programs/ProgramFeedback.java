package io.bridgeway.programs;

import java.util.List;

/**
 * What the programme page tells managers about participants' feedback: only who said they never met, never a
 * rating or comment. Implemented by the feedback feature, which depends on programmes.
 */
public interface ProgramFeedback {

    /** {@code with}: the partner's name, or the circle, the person said they never met. */
    record NeverMet(String name, String email, int roundNumber, String with) {
    }

    List<NeverMet> neverMet(Program program);
}
