package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.pairing.domain.Mentee;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link PairingProblem} into a planning solution; the solver's first phase sets the exact optimum. */
public final class PairingSolutionFactory {

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
            Mentee mentee = new Mentee(mentees.size(), people.get(request.personId()), request.priority(),
                    request.roundsWaited(), problem.freeHours().get(request.personId()));
            List<Mentor> candidates = new ArrayList<>();
            for (Mentor mentor : mentors) {
                if (rules.isAllowed(mentor, mentee)) {
                    candidates.add(mentor);
                }
            }
            PairingProblem.PinnedPair pin = pins.get(mentee.getId());
            Mentor pinnedMentor = pin == null || pin.mentorId() == null ? null : mentorById.get(pin.mentorId());
            if (pinnedMentor != null && !candidates.contains(pinnedMentor)) {
                candidates.add(pinnedMentor); // a forced forbidden pair stays visible as a hard-rule break
            }
            mentee.setCandidateMentors(candidates);
            mentees.add(mentee);
            assignments.add(new MenteeAssignment(mentee, pinnedMentor, pin != null));
        }
        return new PairingSolution(problem.name(), rules, mentors, mentees, assignments);
    }
}
