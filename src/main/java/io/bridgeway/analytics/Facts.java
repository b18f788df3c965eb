package io.bridgeway.analytics;

import java.util.List;

/**
 * What the analytics read, as plain values (no JPA): the participants, the published rounds in the order they
 * were published, and the survey answers given on those rounds. People are named by an opaque id.
 */
public record Facts(List<Participant> participants, List<Round> rounds, List<Answer> answers) {

    /** Someone in scope: enrolled in the programme (signed up), or met in one of its published rounds. */
    public record Participant(String id, String department, String level, String office, boolean signedUp) {
    }

    /**
     * One published round: who took part ({@code present}), who offered to mentor, its pairs, its circles and
     * who was left unmatched with the category of the reason.
     */
    public record Round(String label, List<String> present, List<String> mentors, List<Pair> pairs,
            List<Circle> circles, List<Unmatched> unmatched) {
    }

    public record Pair(String mentor, String mentee) {
    }

    /** A circle of one meeting of the round (meeting 0 = the first). */
    public record Circle(int meeting, List<String> members) {
    }

    public record Unmatched(String person, String reasonCategory) {
    }

    /** One answered survey: did they meet, and the 1-5 rating (null when not given). */
    public record Answer(String person, boolean met, Integer rating) {
    }
}
