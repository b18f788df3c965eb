package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Earlier published rounds name people who may have left the programme since: the next round's
 * history, do-not-pair and pins keep only the people in it, so one withdrawal breaks nothing.
 */
@QuarkusTest
class WithdrawnPersonDoesNotBreakNextRoundTest {

    /** The person leaves the programme on its page, as employees do. */
    static void withdraw(String email, int programId) {
        WebSession session = new WebSession();
        session.login(email, WebSession.PASSWORD);
        assertEquals(303, session.submit("/programs/" + programId, "/programs/" + programId + "/withdraw", Map.of())
                .statusCode());
    }

    @Test
    void aMatchedMenteeWithdrawsAndTheNextPairingRoundSolves() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("withdrawpairs", 2, 3);
        long first = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), first);
        assertEquals(3, solved.getInt("matched"), solved.prettify());
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + first + "/publish").then().statusCode(200);

        String leaver = solved.getString("pairs[0].menteeEmail");
        withdraw(leaver, c.programId());

        long second = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath next = RoundLifecycleTest.awaitSolved(c.pm(), second);
        assertEquals("SOLVED", next.getString("solveState"), next.getString("solveMessage"));
        assertEquals(2, next.getInt("matched"), "the two who stayed are matched again");
        assertFalse(next.getList("pairs.menteeEmail").contains(leaver));

        // solving again (with a pin) keeps working as well
        long version = next.getLong("version");
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + second + "/pairs/" + next.getLong("pairs[0].id")
                + "/pin?pinned=true&version=" + version).then().statusCode(200);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + second + "/solve?version=" + (version + 1))
                .then().statusCode(200);
        JsonPath again = RoundLifecycleTest.awaitSolved(c.pm(), second);
        assertEquals("SOLVED", again.getString("solveState"), again.getString("solveMessage"));
    }

    @Test
    void aCircleMemberWithdrawsAndTheNextCirclesRoundSolves() {
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("withdrawcircle", 1, 3, 4,
                CircleRoundTest.members("withdrawcircle", 8));
        String pm = c.pm();
        int programId = c.programId();
        List<String> people = c.people();
        long first = RoundLifecycleTest.start(pm, programId);
        JsonPath solved = RoundLifecycleTest.awaitSolved(pm, first);
        assertEquals("SOLVED", solved.getString("solveState"), solved.getString("solveMessage"));
        RoundLifecycleTest.as(pm).post("/api/v1/rounds/" + first + "/publish").then().statusCode(200);

        withdraw(people.get(0), programId);

        long second = RoundLifecycleTest.start(pm, programId);
        JsonPath next = RoundLifecycleTest.awaitSolved(pm, second);
        assertEquals("SOLVED", next.getString("solveState"), next.getString("solveMessage"));
        int placed = next.<List<?>>getList("circles.members").stream().mapToInt(List::size).sum();
        assertEquals(7, placed, "everyone who stayed is in a circle");
    }
}
