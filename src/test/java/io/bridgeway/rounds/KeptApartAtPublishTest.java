package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A do-not-pair entry added after a draft was solved stops the draft from being published (the solve could not
 * know it); the refusal names neither the people nor the reason, and "Solve again" pairs them apart.
 */
@QuarkusTest
class KeptApartAtPublishTest {

    @Test
    void aListEntryAfterTheSolveBlocksPublishingUntilTheRoundIsSolvedAgain() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("apartpublish", 2, 2);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath draft = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        String mentor = draft.getString("pairs[0].mentorEmail");
        String mentee = draft.getString("pairs[0].menteeEmail");

        WebSession owner = new WebSession();
        assertEquals(303, owner.login(mentee, WebSession.PASSWORD).statusCode());
        assertEquals(303, owner.submit("/profile/do-not-pair", "/profile/do-not-pair", Map.of("email", mentor))
                .statusCode());

        Response refused = RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish");
        assertEquals(400, refused.statusCode(), refused.asString());
        String error = refused.jsonPath().getString("error");
        assertTrue(error.contains("Solve again"), error);
        assertFalse(error.contains(mentor) || error.contains(mentee) || error.contains("do-not-pair"),
                "the confidential list is not revealed: " + error);
        assertEquals(List.of(), Mailboxes.ofRound(roundId), "nothing published, nothing mailed");

        JsonPath solved = RoundLifecycleTest.solveAgain(c.pm(), roundId);
        List<String> mentors = solved.getList("pairs.mentorEmail");
        List<String> mentees = solved.getList("pairs.menteeEmail");
        for (int i = 0; i < mentees.size(); i++) {
            assertFalse(mentees.get(i).equals(mentee) && mentors.get(i).equals(mentor), "kept apart now");
        }
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
    }
}
