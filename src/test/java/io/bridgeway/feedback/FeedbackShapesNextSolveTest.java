package io.bridgeway.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.programs.PreviousPartners;
import io.bridgeway.programs.Program;
import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.rounds.RoundResults;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Survey answers reach the next solve: a low rating keeps a pair apart, continuity keeps a pair together. */
@QuarkusTest
class FeedbackShapesNextSolveTest {

    @Inject
    RoundResults results;

    @Test
    void aPairRatedLowByOneSideIsNeverPairedAgain() {
        // one mentor, one mentee: without the exclusion the next round must pair them again
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("lowrated", 1, 1);
        preferContinuity(c.programId(), PreviousPartners.PREFER_CONTINUITY); // would even favour the repeat
        String mentor = c.mentors().get(0);
        String mentee = c.mentees().get(0);
        long first = FeedbackFixtures.solveAndPublish(c);
        assertEquals(List.of(new FeedbackFixtures.Pair(mentor, mentee)), FeedbackFixtures.pairs(first));
        FeedbackFixtures.answer(FeedbackFixtures.survey(first, mentee, mentor).id(), true, 2, true);
        FeedbackFixtures.answer(FeedbackFixtures.survey(first, mentor, mentee).id(), true, 5, true);

        long second = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), second);
        assertEquals(List.of(), FeedbackFixtures.pairs(second), "the low-rated pair is not repeated");
        PairingProblem problem = results.loadPairingProblem(second);
        assertEquals(1, problem.doNotPair().size());
        assertTrue(problem.pins().isEmpty(), "a low rating outweighs both saying they would continue");

        // a manager cannot force them together either; the refusal says only that the pair is excluded
        long version = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + second).then().extract().jsonPath()
                .getLong("version");
        String refusal = RoundLifecycleTest.as(c.pm()).body(Map.of("mentorId", WebSession.idOf(mentor), "menteeId",
                WebSession.idOf(mentee), "version", version)).post("/api/v1/rounds/" + second + "/pairs")
                .then().statusCode(400).extract().path("error");
        assertTrue(refusal.contains("Do not pair"), refusal);
        assertFalse(refusal.contains("rat"), refusal);
    }

    @Test
    void bothWantingToContinueKeepsThePairWhenTheProgrammePrefersContinuity() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("continuity", 2, 2);
        preferContinuity(c.programId(), PreviousPartners.PREFER_CONTINUITY);
        long first = FeedbackFixtures.solveAndPublish(c);
        List<FeedbackFixtures.Pair> pairs = FeedbackFixtures.pairs(first);
        assertEquals(2, pairs.size(), pairs.toString());
        FeedbackFixtures.Pair keep = pairs.get(0);
        FeedbackFixtures.Pair other = pairs.get(1);
        answerBoth(first, keep, true, true);
        answerBoth(first, other, true, false); // one side would not continue

        long second = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), second);
        PairingProblem problem = results.loadPairingProblem(second);
        assertEquals(List.of(new PairingProblem.PinnedPair(String.valueOf(WebSession.idOf(keep.mentee())),
                String.valueOf(WebSession.idOf(keep.mentor())))), problem.pins(), "only the pair both want is kept");
        assertTrue(FeedbackFixtures.pairs(second).contains(keep), FeedbackFixtures.pairs(second).toString());

        // a manager who splits the kept pair wins: solving again does not put them back
        JsonPath round = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + second).then().extract().jsonPath();
        Object keptId = round.<Map<String, Object>>getList("pairs").stream()
                .filter(p -> keep.mentee().equals(p.get("menteeEmail"))).findFirst().orElseThrow().get("id");
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + second + "/pairs/" + keptId + "/unpair?version="
                + round.getLong("version")).then().statusCode(200);
        assertTrue(results.loadPairingProblem(second).pins().isEmpty());
    }

    @Test
    void continuityIsNotForcedWhenTheProgrammeAvoidsEarlierPartners() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("nocontinuity", 1, 1);
        long first = FeedbackFixtures.solveAndPublish(c);
        FeedbackFixtures.Pair pair = FeedbackFixtures.pairs(first).get(0);
        answerBoth(first, pair, true, true);

        long second = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), second);
        PairingProblem problem = results.loadPairingProblem(second);
        assertTrue(problem.pins().isEmpty(), "the setting is off by default: nothing pinned");
        assertTrue(problem.doNotPair().isEmpty());
    }

    @Test
    void aPairBothWantToContinueIsNotKeptOnceOneSideListsTheOther() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("continuelisted", 2, 1);
        preferContinuity(c.programId(), PreviousPartners.PREFER_CONTINUITY);
        long first = FeedbackFixtures.solveAndPublish(c);
        FeedbackFixtures.Pair pair = FeedbackFixtures.pairs(first).get(0);
        answerBoth(first, pair, true, true);
        addToList(pair.mentor(), pair.mentee()); // afterwards, the mentor lists the mentee

        long second = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), second);
        List<FeedbackFixtures.Pair> pairs = FeedbackFixtures.pairs(second);
        assertEquals(1, pairs.size(), pairs.toString());
        assertEquals(pair.mentee(), pairs.get(0).mentee());
        assertFalse(pairs.contains(pair), "the list outweighs both saying they would continue: " + pairs);
        assertTrue(results.loadPairingProblem(second).pins().isEmpty());
    }

    @Test
    void aManagersPinIsReleasedWhenOneSideListsTheOtherAndSolvingAgainSplitsThem() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("pinlisted", 2, 1);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        Map<String, Object> pinned = solved.<Map<String, Object>>getList("pairs").get(0);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/pairs/" + pinned.get("id")
                + "/pin?pinned=true&version=" + solved.getLong("version")).then().statusCode(200);
        long version = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath()
                .getLong("version");
        String mentor = (String) pinned.get("mentorEmail");
        String mentee = (String) pinned.get("menteeEmail");
        addToList(mentee, mentor); // after the pin, the mentee lists the mentor

        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/solve?version=" + version)
                .then().statusCode(200);
        JsonPath again = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals("SOLVED", again.getString("solveState"), again.prettify());
        List<FeedbackFixtures.Pair> pairs = FeedbackFixtures.pairs(roundId);
        assertFalse(pairs.contains(new FeedbackFixtures.Pair(mentor, mentee)), "the pin is not honoured: " + pairs);
        assertEquals(List.of(new FeedbackFixtures.Pair(otherThan(c.mentors(), mentor), mentee)), pairs,
                "the mentee goes to the other mentor, once");
        assertEquals(List.of(false), again.getList("pairs.pinned"), "the released pin shows as not pinned");
    }

    /** The owner adds the colleague to their confidential list through their own page. */
    private static void addToList(String owner, String colleague) {
        WebSession session = FeedbackFixtures.signIn(owner);
        assertEquals(303, session.submit("/profile/do-not-pair", "/profile/do-not-pair", Map.of("email", colleague))
                .statusCode());
    }

    private static String otherThan(List<String> two, String one) {
        return two.get(0).equals(one) ? two.get(1) : two.get(0);
    }

    private static void answerBoth(long roundId, FeedbackFixtures.Pair pair, boolean mentorContinues,
            boolean menteeContinues) {
        FeedbackFixtures.answer(FeedbackFixtures.survey(roundId, pair.mentor(), pair.mentee()).id(), true, 4,
                mentorContinues);
        FeedbackFixtures.answer(FeedbackFixtures.survey(roundId, pair.mentee(), pair.mentor()).id(), true, 4,
                menteeContinues);
    }

    private static void preferContinuity(int programId, PreviousPartners choice) {
        QuarkusTransaction.requiringNew().run(() -> Program.<Program>findById((long) programId).pairing.previousPartners
                = choice);
    }
}
