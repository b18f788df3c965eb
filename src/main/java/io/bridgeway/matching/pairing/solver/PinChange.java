package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.InvalidInstanceException;
import io.bridgeway.matching.pairing.domain.Mentee;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import java.util.ArrayList;
import java.util.List;

/**
 * A manager's pin or unpin during a running solve ({@code solverManager.addProblemChange(jobId, change)}).
 * OptaPlanner then restarts the phases, so the exact phase re-optimises everything around the pins.
 *
 * @param mentorId the mentor to force, or null to keep the mentee unmatched (ignored when unpinning)
 */
public record PinChange(String menteeId, String mentorId, boolean pin) implements ProblemChange<PairingSolution> {

    public static PinChange pin(String menteeId, String mentorId) {
        return new PinChange(menteeId, mentorId, true);
    }

    public static PinChange unpin(String menteeId) {
        return new PinChange(menteeId, null, false);
    }

    @Override
    public void doChange(PairingSolution working, ProblemChangeDirector director) {
        MenteeAssignment assignment = working.getAssignments().stream()
                .filter(a -> a.getId().equals(menteeId)).findFirst()
                .orElseThrow(() -> new InvalidInstanceException("\"" + menteeId + "\" is not a mentee"));
        if (!pin) {
            director.changeProblemProperty(assignment, a -> a.setPinned(false));
            return;
        }
        Mentor mentor = mentorId == null ? null : working.getMentors().stream()
                .filter(m -> m.getId().equals(mentorId)).findFirst()
                .orElseThrow(() -> new InvalidInstanceException("\"" + mentorId + "\" is not a mentor"));
        Mentee mentee = assignment.getMentee();
        if (mentor != null && !mentee.getCandidateMentors().contains(mentor)) {
            // a forced forbidden pair: keep it in the value range; the hard constraints will show it
            List<Mentor> candidates = new ArrayList<>(mentee.getCandidateMentors());
            candidates.add(mentor);
            director.changeProblemProperty(mentee, m -> m.setCandidateMentors(candidates));
        }
        director.changeVariable(assignment, "mentor", a -> a.setMentor(mentor));
        director.changeProblemProperty(assignment, a -> a.setPinned(true));
    }
}
