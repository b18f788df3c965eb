package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

import java.util.List;

/**
 * First solver phase: sets every unpinned assignment to the exact optimum of the linear objective,
 * so local search starts at the optimum and only has to handle what the exact step cannot model.
 * On the solution's stop signal it sets the valid partial matching found so far instead.
 */
public class ExactMatchingPhaseCommand implements CustomPhaseCommand<PairingSolution> {

    @Override
    public void changeWorkingSolution(ScoreDirector<PairingSolution> scoreDirector) {
        PairingSolution solution = scoreDirector.getWorkingSolution();
        Mentor[] optimum = ExactPairingOptimizer.optimize(solution, solution::stopRequested).mentors();
        List<MenteeAssignment> assignments = solution.getAssignments();
        for (int i = 0; i < assignments.size(); i++) {
            MenteeAssignment assignment = assignments.get(i);
            if (!assignment.isPinned() && assignment.getMentor() != optimum[i]) {
                scoreDirector.beforeVariableChanged(assignment, "mentor");
                assignment.setMentor(optimum[i]);
                scoreDirector.afterVariableChanged(assignment, "mentor");
            }
        }
        scoreDirector.triggerVariableListeners();
    }
}
