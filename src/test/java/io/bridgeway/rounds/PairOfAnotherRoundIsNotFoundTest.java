package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A pair must belong to the round named in the URL: pin and unpair of another round's pair are 404 and change nothing. */
@QuarkusTest
class PairOfAnotherRoundIsNotFoundTest {

    @Test
    void pinAndUnpairThroughTheWrongRoundAreNotFound() {
        RoundLifecycleTest.Cohort a = RoundLifecycleTest.cohort("wrongrounda", 2, 2);
        RoundLifecycleTest.Cohort b = RoundLifecycleTest.cohort("wrongroundb", 2, 2);
        long roundA = RoundLifecycleTest.start(a.pm(), a.programId());
        long roundB = RoundLifecycleTest.start(b.pm(), b.programId());
        JsonPath solvedA = RoundLifecycleTest.awaitSolved(a.pm(), roundA);
        JsonPath solvedB = RoundLifecycleTest.awaitSolved(b.pm(), roundB);
        long pairOfB = solvedB.getLong("pairs[0].id");
        long versionA = solvedA.getLong("version");

        String wrong = "/api/v1/rounds/" + roundA + "/pairs/" + pairOfB;
        RoundLifecycleTest.as(a.pm()).post(wrong + "/pin?pinned=true&version=" + versionA).then().statusCode(404);
        RoundLifecycleTest.as(a.pm()).post(wrong + "/unpair?version=" + versionA).then().statusCode(404);

        WebSession pm = new WebSession();
        pm.login(a.pm(), WebSession.PASSWORD);
        Document page = pm.page("/rounds/" + roundA);
        Map<String, Object> form = Map.of("csrf-token", page.select("input[name=csrf-token]").attr("value"),
                "version", String.valueOf(versionA), "pinned", "true");
        String wrongPage = "/rounds/" + roundA + "/pairs/" + pairOfB;
        assertEquals(404, pm.post(wrongPage + "/pin", form).statusCode());
        assertEquals(404, pm.post(wrongPage + "/unpair", form).statusCode());

        JsonPath afterB = RoundLifecycleTest.as(b.pm()).get("/api/v1/rounds/" + roundB).then().extract().jsonPath();
        assertEquals(solvedB.getInt("matched"), afterB.getInt("matched"), "round B lost no pair");
        assertEquals(false, afterB.getBoolean("pairs[0].pinned"), "round B's pair was not pinned");
        assertEquals(solvedB.getLong("version"), afterB.getLong("version"));
        assertEquals(versionA, RoundLifecycleTest.as(a.pm()).get("/api/v1/rounds/" + roundA).then().extract()
                .jsonPath().getLong("version"), "round A is unchanged");
    }
}
