package io.bridgeway.rounds;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The one error model on the round routes: a broken rule is 400, a stale edit 409, an unknown round or
 * pair 404; JSON {"error", "field", "status"} under /api, the round page with the reason otherwise.
 */
@QuarkusTest
class RoundErrorsAreMappedTest {

    @Test
    void ruleViolationsStaleEditsAndUnknownRoundsAsJsonAndAsPages() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("mappederrors", 2, 2);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        long version = solved.getLong("version");
        long pairId = solved.getLong("pairs[0].id");
        String api = "/api/v1/rounds/" + roundId;

        RoundLifecycleTest.as(c.pm()).post(api + "/solve").then().statusCode(400)
                .body("error", containsString("version is required")).body("field", equalTo("version"))
                .body("status", equalTo(400));
        RoundLifecycleTest.as(c.pm()).post(api + "/stop").then().statusCode(400)
                .body("error", containsString("is not solving")).body("field", nullValue());
        RoundLifecycleTest.as(c.pm()).post(api + "/pairs/" + pairId + "/pin?pinned=true&version=" + version)
                .then().statusCode(200);
        RoundLifecycleTest.as(c.pm()).post(api + "/pairs/" + pairId + "/pin?pinned=false&version=" + version)
                .then().statusCode(409).body("error", containsString("changed by " + c.pm()))
                .body("status", equalTo(409));
        RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/987654321").then().statusCode(404)
                .body("error", containsString("nothing at this address"));
        RoundLifecycleTest.as(c.pm()).post(api + "/pairs/987654321/unpair?version=" + (version + 1))
                .then().statusCode(404);

        WebSession pm = new WebSession();
        pm.login(c.pm(), WebSession.PASSWORD);
        Document page = pm.page("/rounds/" + roundId);
        String token = page.select("input[name=csrf-token]").attr("value");
        Response stale = pm.post("/rounds/" + roundId + "/pairs/" + pairId + "/pin",
                Map.of("csrf-token", token, "version", String.valueOf(version), "pinned", "false"));
        assertEquals(409, stale.statusCode());
        Document stalePage = Jsoup.parse(stale.asString());
        assertTrue(stalePage.select(".error-summary").text().contains("changed by " + c.pm()), stalePage.text());
        assertTrue(stalePage.select("table.pairs").size() == 1, "the round is shown again under the reason");

        Response stop = pm.post("/rounds/" + roundId + "/stop", Map.of("csrf-token", token));
        assertEquals(400, stop.statusCode());
        assertTrue(Jsoup.parse(stop.asString()).select(".error-summary").text().contains("is not solving"));

        Response unknown = pm.get("/rounds/987654321");
        assertEquals(404, unknown.statusCode());
        assertTrue(Jsoup.parse(unknown.asString()).select("h1").text().contains("Not found"));
    }
}
