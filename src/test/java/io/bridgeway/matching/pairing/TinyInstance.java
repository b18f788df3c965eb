package io.bridgeway.matching.pairing;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.pairing.domain.FreeHours;
import io.bridgeway.matching.pairing.domain.Mentee;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fluent builder of hand-made pairing instances for tests. */
public final class TinyInstance {

    private final Map<String, PersonProfile> people = new LinkedHashMap<>();
    private final List<PairingProblem.MentorSlot> mentors = new ArrayList<>();
    private final List<PairingProblem.MenteeRequest> mentees = new ArrayList<>();
    private final List<PairingProblem.PreviousPair> history = new ArrayList<>();
    private final List<PairingProblem.DoNotPair> doNotPair = new ArrayList<>();
    private final List<PairingProblem.PinnedPair> pins = new ArrayList<>();
    private final Map<String, FreeHours> freeHours = new HashMap<>();
    private PairingSettings settings = PairingSettings.defaults();
    private PairingSolution solution;

    /** A person in department Dept, level, offset 0, English, no skills or goals unless given later. */
    public TinyInstance person(String id, String department, int level) {
        return person(new PersonProfile(id, id, department, level, null, "Office", 0, Set.of("en"), Map.of(), Set.of()));
    }

    public TinyInstance person(PersonProfile profile) {
        people.put(profile.id(), profile);
        solution = null;
        return this;
    }

    public TinyInstance manager(String id, String managerId) {
        PersonProfile p = people.get(id);
        return person(new PersonProfile(p.id(), p.name(), p.department(), p.level(), managerId, p.office(),
                p.utcOffsetMinutes(), p.languages(), p.skills(), p.goals()));
    }

    public TinyInstance offset(String id, int minutes) {
        PersonProfile p = people.get(id);
        return person(new PersonProfile(p.id(), p.name(), p.department(), p.level(), p.managerId(), p.office(),
                minutes, p.languages(), p.skills(), p.goals()));
    }

    public TinyInstance languages(String id, String... languages) {
        PersonProfile p = people.get(id);
        return person(new PersonProfile(p.id(), p.name(), p.department(), p.level(), p.managerId(), p.office(),
                p.utcOffsetMinutes(), Set.of(languages), p.skills(), p.goals()));
    }

    /** skills("m", "negotiation", 3, "public-speaking", 2) */
    public TinyInstance skills(String id, Object... skillAndLevel) {
        PersonProfile p = people.get(id);
        Map<String, Integer> skills = new HashMap<>();
        for (int i = 0; i < skillAndLevel.length; i += 2) {
            skills.put((String) skillAndLevel[i], (Integer) skillAndLevel[i + 1]);
        }
        return person(new PersonProfile(p.id(), p.name(), p.department(), p.level(), p.managerId(), p.office(),
                p.utcOffsetMinutes(), p.languages(), skills, p.goals()));
    }

    public TinyInstance goals(String id, String... goals) {
        PersonProfile p = people.get(id);
        return person(new PersonProfile(p.id(), p.name(), p.department(), p.level(), p.managerId(), p.office(),
                p.utcOffsetMinutes(), p.languages(), p.skills(), Set.copyOf(Arrays.asList(goals))));
    }

    /** freeUtcHours("m", 9, 10): free at these UTC hours of the week only; no hours = free at none. */
    public TinyInstance freeUtcHours(String id, Integer... hours) {
        freeHours.put(id, FreeHours.ofUtcHours(Arrays.asList(hours)));
        solution = null;
        return this;
    }

    public TinyInstance mentor(String id, int capacity) {
        mentors.add(new PairingProblem.MentorSlot(id, capacity));
        solution = null;
        return this;
    }

    public TinyInstance mentee(String id, int priority) {
        mentees.add(new PairingProblem.MenteeRequest(id, priority));
        solution = null;
        return this;
    }

    public TinyInstance previous(String mentorId, String menteeId, int roundsAgo) {
        history.add(new PairingProblem.PreviousPair(mentorId, menteeId, roundsAgo));
        solution = null;
        return this;
    }

    public TinyInstance doNotPair(String a, String b) {
        doNotPair.add(new PairingProblem.DoNotPair(a, b));
        solution = null;
        return this;
    }

    public TinyInstance pin(String menteeId, String mentorId) {
        pins.add(new PairingProblem.PinnedPair(menteeId, mentorId));
        solution = null;
        return this;
    }

    public TinyInstance settings(PairingSettings settings) {
        this.settings = settings;
        solution = null;
        return this;
    }

    public PairingProblem problem() {
        return new PairingProblem("tiny", new ArrayList<>(people.values()), mentors, mentees, history, doNotPair,
                settings, pins, freeHours);
    }

    public PairingSolution solution() {
        if (solution == null) {
            solution = PairingSolutionFactory.build(problem());
        }
        return solution;
    }

    public Mentor mentorOf(String id) {
        return solution().getMentors().stream().filter(m -> m.getId().equals(id)).findFirst().orElseThrow();
    }

    public Mentee menteeOf(String id) {
        return solution().getMentees().stream().filter(m -> m.getId().equals(id)).findFirst().orElseThrow();
    }

    /** A fresh assignment (not the solution's) of mentee to mentor, or unmatched when mentorId is null. */
    public MenteeAssignment pair(String mentorId, String menteeId) {
        return new MenteeAssignment(menteeOf(menteeId), mentorId == null ? null : mentorOf(mentorId), false);
    }
}
