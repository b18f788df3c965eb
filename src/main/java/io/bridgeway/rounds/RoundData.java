package io.bridgeway.rounds;

import io.bridgeway.matching.PlainWords;
import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's rounds, for "Download my data": each round they were in with the facts matching read
 * about them, and, once published, their matches and circles as they were told them. Nothing that
 * is confidential to others: no unmatched reasons, no pairs a manager split, no other people's facts.
 */
@ApplicationScoped
public class RoundData implements PersonDataSection {

    public record RoundJson(long programId, String program, int round, RoundStatus status, Instant publishedAt,
            boolean asMentor, boolean asMentee, boolean asCircleMember, ParticipantSnapshot factsUsed,
            List<MatchJson> mentors, List<MatchJson> mentees, List<CircleJson> circles) {
    }

    /** A partner as the publication mail named them. */
    public record MatchJson(String name, String email, List<String> why) {
    }

    public record CircleJson(int meeting, int circle, Instant meetsAt, List<String> with) {
    }

    @Override
    public String name() {
        return "rounds";
    }

    @Override
    public List<RoundJson> dataOf(Person person) {
        List<RoundJson> rounds = new ArrayList<>();
        for (RoundParticipant p : RoundParticipant.<RoundParticipant>list(
                "person = ?1 order by round.program.id, round.number", person)) {
            MatchingRound round = p.round;
            boolean published = round.status == RoundStatus.PUBLISHED;
            rounds.add(new RoundJson(round.program.id, round.program.name, round.number, round.status,
                    round.publishedAt, p.asMentor, p.asMentee, p.asCircleMember, ParticipantSnapshot.fromJson(p.profileJson),
                    published ? matches("round = ?1 and mentee = ?2", round, person, true) : List.of(),
                    published ? matches("round = ?1 and mentor = ?2", round, person, false) : List.of(),
                    published ? circles(round, person) : List.of()));
        }
        return rounds;
    }

    private static List<MatchJson> matches(String query, MatchingRound round, Person person, boolean mentorSide) {
        return RoundPair.<RoundPair>list(query, round, person).stream().map(pair -> {
            Person partner = mentorSide ? pair.mentor : pair.mentee;
            return new MatchJson(RoundView.nameOf(partner), partner == null ? null : partner.email,
                    PlainWords.forPeople(pair.explanationLines()));
        }).toList();
    }

    private static List<CircleJson> circles(MatchingRound round, Person person) {
        List<RoundCircle> mine = RoundCircle.<RoundCircle>list(
                "select distinct c from RoundCircle c join c.members m where c.round = ?1 and m.person = ?2"
                        + " order by c.meetingIndex, c.circleNumber", round, person);
        return mine.stream().map(c -> new CircleJson(c.meetingIndex + 1, c.circleNumber, c.meetingAt,
                c.members.stream().filter(m -> !m.is(person.id)).map(m -> RoundView.nameOf(m.person)).toList()))
                .toList();
    }
}
