package io.bridgeway.rounds;

import static io.bridgeway.security.ConcurrentEditsGetConflictNotServerErrorTest.assertOneSavedOneConflict;
import static io.bridgeway.security.ConcurrentEditsGetConflictNotServerErrorTest.race;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Two managers change the same draft at once from the same version: one change wins, the other gets 409. */
@QuarkusTest
class RacingRoundEditsGetConflictTest {

    @Test
    void racingPinsGiveOneChangeAndOneConflictInJsonAndHtml() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("racepins", 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath round = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        long first = round.getLong("pairs[0].id");
        long second = round.getLong("pairs[1].id");
        for (int i = 0; i < 3; i++) {
            long version = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract()
                    .jsonPath().getLong("version");
            String pinned = String.valueOf(i % 2 == 0);
            assertOneSavedOneConflict(race(
                    () -> RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/pairs/" + first
                            + "/pin?pinned=" + pinned + "&version=" + version),
                    () -> RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/pairs/" + second
                            + "/pin?pinned=" + pinned + "&version=" + version)), 200, "JSON pin race " + i);
        }
        WebSession tab1 = new WebSession();
        tab1.login(c.pm(), WebSession.PASSWORD);
        WebSession tab2 = new WebSession();
        tab2.login(c.pm(), WebSession.PASSWORD);
        for (int i = 0; i < 3; i++) {
            Document page1 = tab1.page("/rounds/" + roundId);
            Document page2 = tab2.page("/rounds/" + roundId);
            String pinned = String.valueOf(i % 2 == 1);
            Map<String, Object> one = Map.of("csrf-token", page1.select("input[name=csrf-token]").attr("value"),
                    "version", page1.select("input[name=version]").attr("value"), "pinned", pinned);
            Map<String, Object> two = Map.of("csrf-token", page2.select("input[name=csrf-token]").attr("value"),
                    "version", page2.select("input[name=version]").attr("value"), "pinned", pinned);
            assertOneSavedOneConflict(race(
                    () -> tab1.post("/rounds/" + roundId + "/pairs/" + first + "/pin", one),
                    () -> tab2.post("/rounds/" + roundId + "/pairs/" + second + "/pin", two)), 303, "page pin race " + i);
        }
    }
}
