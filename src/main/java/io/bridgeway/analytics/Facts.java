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
     * One published round: who took part ({@code present}), who offered to mentor, its pairs, its circles, who was
     * left unmatched with the category of the reason, and the people who asked to be matched ({@code seekers}).
     */
    public record Round(String label, List<String> present, List<String> mentors, List<Pair> pairs,
            List<Circle> circles, List<Unmatched> unmatched, List<Seeker> seekers) {

        /** A round without the seekers' details (figures about waiting and seekers then see nobody). */
        public Round(String label, List<String> present, List<String> mentors, List<Pair> pairs, List<Circle> circles,
                List<Unmatched> unmatched) {
            this(label, present, mentors, pairs, circles, unmatched, List.of());
        }
    }

    /**
     * A pair; {@code weight} is its match quality, the pairing objective's w(mentor, mentee) (goal fit, cross-department
     * bonus, penalties) without the priority part; null when unknown.
     */
    public record Pair(String mentor, String mentee, Long weight) {

        public Pair(String mentor, String mentee) {
            this(mentor, mentee, null);
        }
    }

    /** A circle of one meeting of the round (meeting 0 = the first). */
    public record Circle(int meeting, List<String> members) {
    }

    public record Unmatched(String person, String reasonCategory) {
    }

    /**
     * Someone who asked to be matched in a round: as a mentee and/or a circle member. For a mentee,
     * {@code roundsWaited} is the waiting policy's count stored when the round started and {@code hadAllowedMentor}
     * what the solve found (null when unknown); both 0/null for a circle member only.
     */
    public record Seeker(String person, boolean asMentee, boolean asCircleMember, int roundsWaited,
            Boolean hadAllowedMentor) {
    }

    /** One answered survey: did they meet, and the 1-5 rating (null when not given). */
    public record Answer(String person, boolean met, Integer rating) {
    }
}
