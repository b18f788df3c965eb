package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.cluster.Leases;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.pairing.solver.PairingResult;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An account deleted while its round solves: the solve's result still saves (without that person) instead of
 * failing the round on the foreign key to their deleted row.
 */
@QuarkusTest
class DeletedDuringSolveTest {

    @Inject
    RoundResults results;

    @Inject
    Leases leases;

    /** Runs {@code save} as the round's solve would: holding the round's solve lease. */
    private void asTheSolve(long roundId, Consumer<String> save) {
        String claim = leases.newClaim();
        QuarkusTransaction.requiringNew().run(() -> leases.create(RoundJobs.lease(roundId), Duration.ofMinutes(1), claim));
        try {
            save.accept(claim);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> leases.drop(RoundJobs.lease(roundId), claim));
        }
    }

    @Test
    void circlesSaveWithoutAMemberDeletedDuringTheSolve() {
        List<String> people = CircleRoundTest.members("solvedelcircle", 6);
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("solvedelcircle", 1, 3, 3, people);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        // the solve's result, as it stood before the deletion
        List<List<String>> circles = QuarkusTransaction.requiringNew().call(() -> RoundCircle
                .<RoundCircle>list("round.id = ?1 order by circleNumber", roundId).stream()
                .map(circle -> circle.members.stream().map(m -> String.valueOf(m.person.id)).toList()).toList());
        long leaver = WebSession.idOf(people.get(0));

        DeletedAccountLeavesPublishedRoundsIntactTest.deleteAccount(people.get(0));
        asTheSolve(roundId, claim -> results.saveCircles(roundId, claim, new CircleLeaveOuts.Seated(new CirclesResult(
                List.of(circles), List.of(), "0hard/0soft", 0, 0, 0, 0, 0.1, List.of()), List.of(List.of())), List.of(),
                false));

        QuarkusTransaction.requiringNew().run(() -> {
            List<RoundCircle> saved = RoundCircle.list("round.id", roundId);
            assertEquals(2, saved.size());
            List<Long> members = new ArrayList<>();
            saved.forEach(circle -> circle.members.forEach(m -> members.add(m.person.id)));
            assertEquals(5, members.size(), members.toString());
            assertFalse(members.contains(leaver));
            assertEquals(SolveState.SOLVED, MatchingRound.<MatchingRound>findById(roundId).solveState);
        });
    }

    @Test
    void pairsSaveWithoutAMentorDeletedDuringTheSolve() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("solvedelpairs", 2, 2);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        List<PairingResult.MatchedPair> pairs = QuarkusTransaction.requiringNew().call(() -> RoundPair
                .<RoundPair>list("round.id", roundId).stream().map(p -> new PairingResult.MatchedPair(
                        String.valueOf(p.mentor.id), String.valueOf(p.mentee.id), p.value, 1, false, List.of("fits")))
                .toList());
        assertEquals(2, pairs.size());
        String leaverId = pairs.get(0).mentorId();
        long orphans = pairs.stream().filter(p -> p.mentorId().equals(leaverId)).count();
        String leaver = c.mentors().stream().filter(e -> String.valueOf(WebSession.idOf(e)).equals(leaverId))
                .findFirst().orElseThrow();

        DeletedAccountLeavesPublishedRoundsIntactTest.deleteAccount(leaver);
        asTheSolve(roundId, claim -> results.savePairing(roundId, claim,
                new PairingResult("r", pairs, List.of(), "0hard/0soft", true, 10, 10, 0.1), false, false));

        QuarkusTransaction.requiringNew().run(() -> {
            List<RoundPair> saved = RoundPair.list("round.id", roundId);
            assertEquals(2 - orphans, saved.size());
            assertTrue(saved.stream().noneMatch(p -> String.valueOf(p.mentor.id).equals(leaverId)));
            List<RoundUnmatched> unmatched = RoundUnmatched.list("round.id", roundId);
            assertEquals(orphans, unmatched.size(), "their mentee waits for another mentor");
            assertTrue(unmatched.stream().allMatch(u -> DraftLeavers.MENTOR_LEFT.equals(u.reason)));
            MatchingRound round = MatchingRound.findById(roundId);
            assertEquals(2 - orphans, round.matchedCount);
            assertEquals(2, round.menteeCount);
            assertEquals(SolveState.SOLVED, round.solveState);
        });
    }
}
