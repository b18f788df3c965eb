package io.bridgeway.rounds;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A 1:1 programme with mentees but no mentors cannot start a round: the manager is told why. */
@QuarkusTest
class RoundWithoutMentorsIsRefusedTest {

    @Test
    void startingWithoutMentorsIsRefusedOnThePageAndInTheApi() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("nomentors", 0, 2);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/programs/" + c.programId() + "/rounds")
                .then().statusCode(400).body("error", containsString("no mentors"));

        WebSession pm = new WebSession();
        pm.login(c.pm(), WebSession.PASSWORD);
        Response refused = pm.submit("/programs/" + c.programId(), "/programs/" + c.programId() + "/rounds", Map.of());
        assertEquals(303, refused.statusCode());
        assertTrue(refused.getHeader("Location").endsWith("/programs/" + c.programId()), refused.getHeader("Location"));
        String flash = pm.page("/programs/" + c.programId()).text();
        assertTrue(flash.contains("no mentors"), flash);
        assertEquals(0L, (long) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                MatchingRound.count("program.id", (long) c.programId())), "no round was created");
    }
}
