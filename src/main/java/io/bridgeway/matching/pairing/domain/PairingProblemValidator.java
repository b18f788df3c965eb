package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.InvalidInstanceException;

import io.bridgeway.matching.PersonProfile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The semantic checks of {@link PairingProblem#validate(int)}; structure is checked by the JSON reader. */
final class PairingProblemValidator {

    private PairingProblemValidator() {
    }

    static void validate(PairingProblem problem, int maxPeople) {
        if (problem.people().size() > maxPeople) {
            throw new InvalidInstanceException("the instance has " + problem.people().size()
                    + " people, more than the limit of " + maxPeople);
        }
        Set<String> people = new HashSet<>();
        for (int i = 0; i < problem.people().size(); i++) {
            PersonProfile person = problem.people().get(i);
            if (person == null) {
                throw new InvalidInstanceException("people[" + i + "] is null");
            }
            if (!people.add(person.id())) {
                throw new InvalidInstanceException("duplicate person id \"" + person.id() + "\" in people");
            }
            List<String> outOfRange = person.outOfRangeFields();
            if (!outOfRange.isEmpty()) {
                throw new InvalidInstanceException("people[" + i + "]." + outOfRange.get(0));
            }
        }
        // Managers outside the instance are tolerated (the chain just stops there), as in check.py.
        Set<String> mentors = new HashSet<>();
        for (int i = 0; i < problem.mentors().size(); i++) {
            PairingProblem.MentorSlot mentor = problem.mentors().get(i);
            String where = "mentors[" + i + "]";
            requireKnown(people, mentor.personId(), where + ".personId");
            if (!mentors.add(mentor.personId())) {
                throw new InvalidInstanceException("duplicate mentor \"" + mentor.personId() + "\" in mentors");
            }
            if (mentor.capacity() < 1) {
                throw new InvalidInstanceException(where + ": mentor \"" + mentor.personId()
                        + "\" has capacity " + mentor.capacity() + ", must be at least 1");
            }
            if (mentor.capacity() > PairingProblem.MAX_MENTOR_CAPACITY) {
                throw new InvalidInstanceException(where + ": mentor \"" + mentor.personId() + "\" has capacity "
                        + mentor.capacity() + ", must be at most " + PairingProblem.MAX_MENTOR_CAPACITY);
            }
        }
        Set<String> mentees = new HashSet<>();
        for (int i = 0; i < problem.mentees().size(); i++) {
            PairingProblem.MenteeRequest mentee = problem.mentees().get(i);
            String where = "mentees[" + i + "]";
            requireKnown(people, mentee.personId(), where + ".personId");
            if (!mentees.add(mentee.personId())) {
                throw new InvalidInstanceException("duplicate mentee \"" + mentee.personId() + "\" in mentees");
            }
            if (mentee.priority() < 1 || mentee.priority() > 3) {
                throw new InvalidInstanceException(where + ": mentee \"" + mentee.personId()
                        + "\" has priority " + mentee.priority() + ", must be 1, 2 or 3");
            }
        }
        for (int i = 0; i < problem.history().size(); i++) {
            PairingProblem.PreviousPair pair = problem.history().get(i);
            requireKnown(people, pair.mentorId(), "history[" + i + "].mentorId");
            requireKnown(people, pair.menteeId(), "history[" + i + "].menteeId");
        }
        for (int i = 0; i < problem.doNotPair().size(); i++) {
            PairingProblem.DoNotPair pair = problem.doNotPair().get(i);
            requireKnown(people, pair.firstId(), "doNotPair[" + i + "][0]");
            requireKnown(people, pair.secondId(), "doNotPair[" + i + "][1]");
        }
        Set<String> pinned = new HashSet<>();
        for (int i = 0; i < problem.pins().size(); i++) {
            PairingProblem.PinnedPair pin = problem.pins().get(i);
            if (!mentees.contains(pin.menteeId())) {
                throw new InvalidInstanceException("pins[" + i + "].menteeId: \"" + pin.menteeId() + "\" is not a mentee");
            }
            if (pin.mentorId() != null && !mentors.contains(pin.mentorId())) {
                throw new InvalidInstanceException("pins[" + i + "].mentorId: \"" + pin.mentorId() + "\" is not a mentor");
            }
            if (!pinned.add(pin.menteeId())) {
                throw new InvalidInstanceException("mentee \"" + pin.menteeId() + "\" is pinned twice");
            }
        }
    }

    private static void requireKnown(Set<String> people, String id, String where) {
        if (id == null) {
            throw new InvalidInstanceException(where + " is missing");
        }
        if (!people.contains(id)) {
            throw new InvalidInstanceException(where + ": unknown person id \"" + id + "\"");
        }
    }
}
