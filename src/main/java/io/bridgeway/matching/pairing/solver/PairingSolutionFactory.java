package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.pairing.domain.Mentee;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairValues;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link PairingProblem} into a planning solution; the solver's first phase sets the exact optimum. */
public final class PairingSolutionFactory {

    /** Largest local-search value range per mentee (see {@link #bestAllowed}). */
    public static final int MAX_CANDIDATES = 200;

    private PairingSolutionFactory() {
    }

    /** Validated, unsolved: every unpinned mentee unmatched. */
    public static PairingSolution build(PairingProblem problem) {
        return build(problem, PairingProblem.DEFAULT_MAX_PEOPLE);
    }

    public static PairingSolution build(PairingProblem problem, int maxPeople) {
        problem.validate(maxPeople);
        Map<String, PersonProfile> people = new HashMap<>();
        for (PersonProfile person : problem.people()) {
            people.put(person.id(), person);
        }
        PairRules rules = new PairRules(problem.settings(), problem.people(), problem.history(), problem.doNotPair());
        List<Mentor> mentors = new ArrayList<>();
        Map<String, Mentor> mentorById = new HashMap<>();
        for (PairingProblem.MentorSlot slot : problem.mentors()) {
            Mentor mentor = new Mentor(mentors.size(), people.get(slot.personId()), slot.capacity(),
                    problem.freeHours().get(slot.personId()));
            mentors.add(mentor);
            mentorById.put(mentor.getId(), mentor);
        }
        Map<String, PairingProblem.PinnedPair> pins = new HashMap<>();
        for (PairingProblem.PinnedPair pin : problem.pins()) {
            pins.put(pin.menteeId(), pin);
        }
        List<Mentee> mentees = new ArrayList<>();
        List<MenteeAssignment> assignments = new ArrayList<>();
        for (PairingProblem.MenteeRequest request : problem.mentees()) {
            mentees.add(new Mentee(mentees.size(), people.get(request.personId()), request.priority(),
                    request.roundsWaited(), problem.freeHours().get(request.personId())));
        }
        PairValues values = new PairValues(rules, mentors, mentees);
        long[] allowed = new long[mentors.size()];
        for (Mentee mentee : mentees) {
            List<Mentor> candidates = bestAllowed(values, mentors, mentee, allowed);
            PairingProblem.PinnedPair pin = pins.get(mentee.getId());
            Mentor pinnedMentor = pin == null || pin.mentorId() == null ? null : mentorById.get(pin.mentorId());
            if (pinnedMentor != null && !candidates.contains(pinnedMentor)) {
                candidates.add(pinnedMentor); // a forced forbidden pair stays visible as a hard-rule break
            }
            mentee.setCandidateMentors(candidates);
            assignments.add(new MenteeAssignment(mentee, pinnedMentor, pin != null));
        }
        return new PairingSolution(problem.name(), rules, mentors, mentees, assignments);
    }

    /**
     * The allowed mentors in mentor order; when there are more than {@link #MAX_CANDIDATES}, only that many
     * with the highest pair value (ties: lower index). They are the local search's value range; the exact
     * step looks at every allowed mentor regardless, so this bounds memory, not the optimum.
     */
    static List<Mentor> bestAllowed(PairValues values, List<Mentor> mentors, Mentee mentee, long[] scratch) {
        int count = 0;
        for (Mentor mentor : mentors) {
            long value = values.value(mentor.getIndex(), mentee.getIndex());
            if (value != PairValues.FORBIDDEN) {
                // minus the value in the high half (an ascending sort puts the best first), index in the low
                scratch[count++] = (-(long) Math.toIntExact(value) << 32) | mentor.getIndex();
            }
        }
        int keep = count;
        if (count > MAX_CANDIDATES) {
            Arrays.sort(scratch, 0, count);
            keep = MAX_CANDIDATES;
            for (int k = 0; k < keep; k++) {
                scratch[k] &= 0xffffffffL;
            }
            Arrays.sort(scratch, 0, keep);
        } else {
            for (int k = 0; k < keep; k++) {
                scratch[k] &= 0xffffffffL;
            }
        }
        List<Mentor> result = new ArrayList<>(keep);
        for (int k = 0; k < keep; k++) {
            result.add(mentors.get((int) scratch[k]));
        }
        return result;
    }
}
