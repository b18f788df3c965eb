package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.solver.PairingMatcher;
import io.bridgeway.matching.pairing.solver.PairingResult;
import io.bridgeway.programs.Program;
import io.bridgeway.programs.ProgramType;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairs on people's confidential do-not-pair lists reach the pairing core, which then never pairs them. */
class KeptApartPairingTest {

    private static RoundParticipant participant(String id, int level, boolean mentor) {
        RoundParticipant p = new RoundParticipant();
        p.asMentor = mentor;
        p.mentorCapacity = 2;
        p.asMentee = !mentor;
        p.menteePriority = 1;
        p.profileJson = new ParticipantSnapshot(new PersonProfile(id, "Person " + id, mentor ? "Sales" : "Engineering",
                level, null, null, 0, null, null, null), id + "@example.com", "UTC", List.of(), List.of()).toJson();
        return p;
    }

    private static PairingProblem problem(Collection<List<String>> keptApart) {
        Program program = new Program();
        program.type = ProgramType.MENTORING;
        MatchingRound round = new MatchingRound();
        round.id = 7L;
        round.program = program;
        List<RoundParticipant> participants = List.of(participant("1", 6, true), participant("2", 2, false),
                participant("3", 2, false));
        return RoundProblems.pairing(round, participants, List.of(), List.of(), keptApart);
    }

    private static List<String> pairs(PairingProblem problem) {
        PairingResult result = new PairingMatcher().solve(problem, Duration.ofSeconds(10));
        assertTrue(result.feasible(), result.score());
        return result.pairs().stream().map(p -> p.mentorId() + "-" + p.menteeId()).sorted().toList();
    }

    @Test
    void withoutAListTheMentorTakesBothMentees() {
        assertEquals(List.of("1-2", "1-3"), pairs(problem(List.of())));
    }

    @Test
    void aListedPairIsNeverPairedWhateverTheSolverWouldGain() {
        // "2" and the mentor are kept apart; "99" left the programme, so their line is no fact of this round
        PairingProblem problem = problem(List.of(List.of("1", "2"), List.of("2", "99")));
        assertEquals(List.of(new PairingProblem.DoNotPair("1", "2")), problem.doNotPair());
        assertEquals(List.of("1-3"), pairs(problem));
        PairingResult result = new PairingMatcher().solve(problem, Duration.ofSeconds(10));
        assertEquals("2", result.unmatched().get(0).menteeId());
        assertTrue(result.unmatched().get(0).reason().contains("do-not-pair"), result.unmatched().get(0).reason());
    }
}
