package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.InvalidInstanceException;

import io.bridgeway.matching.PersonProfile;

import java.util.List;
import java.util.Map;

/**
 * One pairing round as plain data: the canonical instance (MODEL.md) plus settings and manager pins.
 * Build it from JSON with {@code PairingJson} or from the web layer's entities; validate with {@link #validate(int)}.
 * {@code freeHours}: person id -> the hours that person is free (MODEL.md "Availability"); a person not in it is
 * free at every hour.
 */
public record PairingProblem(
        String name,
        List<PersonProfile> people,
        List<MentorSlot> mentors,
        List<MenteeRequest> mentees,
        List<PreviousPair> history,
        List<DoNotPair> doNotPair,
        PairingSettings settings,
        List<PinnedPair> pins,
        Map<String, FreeHours> freeHours) {

    /** Default size limit: instances above it are refused before any work. */
    public static final int DEFAULT_MAX_PEOPLE = 20_000;

    /** Most mentees one mentor takes (the profile form's limit); the exact step allocates per place. */
    public static final int MAX_MENTOR_CAPACITY = 5;

    public PairingProblem {
        people = people == null ? List.of() : List.copyOf(people);
        mentors = mentors == null ? List.of() : List.copyOf(mentors);
        mentees = mentees == null ? List.of() : List.copyOf(mentees);
        history = history == null ? List.of() : List.copyOf(history);
        doNotPair = doNotPair == null ? List.of() : List.copyOf(doNotPair);
        settings = settings == null ? PairingSettings.defaults() : settings;
        pins = pins == null ? List.of() : List.copyOf(pins);
        freeHours = freeHours == null ? Map.of() : Map.copyOf(freeHours);
    }

    /** An instance without availability: everyone is free at every hour. */
    public PairingProblem(String name, List<PersonProfile> people, List<MentorSlot> mentors, List<MenteeRequest> mentees,
            List<PreviousPair> history, List<DoNotPair> doNotPair, PairingSettings settings, List<PinnedPair> pins) {
        this(name, people, mentors, mentees, history, doNotPair, settings, pins, Map.of());
    }

    /** A person offering to mentor up to {@code capacity} mentees. */
    public record MentorSlot(String personId, int capacity) {
    }

    /**
     * A person asking for a mentor; priority 1..3 (3 = most urgent). {@code roundsWaited}: published rounds in
     * a row this mentee was eligible and left unmatched (0 in MODEL.md instances); the waiting policy of the
     * settings turns it into extra priority.
     */
    public record MenteeRequest(String personId, int priority, int roundsWaited) {
        public MenteeRequest(String personId, int priority) {
            this(personId, priority, 0);
        }
    }

    /** An earlier pair; {@code roundsAgo} 1 = the last round. */
    public record PreviousPair(String mentorId, String menteeId, int roundsAgo) {
    }

    /** Two people who must never be paired, in either role. */
    public record DoNotPair(String firstId, String secondId) {
    }

    /** A manager's decision for a mentee: keep this mentor, or keep the mentee unmatched when mentorId is null. */
    public record PinnedPair(String menteeId, String mentorId) {
    }

    public PairingProblem withPins(List<PinnedPair> newPins) {
        return new PairingProblem(name, people, mentors, mentees, history, doNotPair, settings, newPins, freeHours);
    }

    public PairingProblem withSettings(PairingSettings newSettings) {
        return new PairingProblem(name, people, mentors, mentees, history, doNotPair, newSettings, pins, freeHours);
    }

    /** Checks sizes, duplicates, references and ranges; throws {@link InvalidInstanceException} naming the first problem. */
    public void validate(int maxPeople) {
        PairingProblemValidator.validate(this, maxPeople);
    }
}
