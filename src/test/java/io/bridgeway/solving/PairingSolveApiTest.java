package io.bridgeway.solving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.io.PairingJson;
import io.bridgeway.matching.pairing.solver.ExactPairingOptimizer;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;
import io.bridgeway.security.Role;
import io.bridgeway.support.SharedBench;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PairingSolveApiTest {

    static String manager;

    static RequestSpecification asManager() {
        if (manager == null) {
            manager = WebSession.withRole("solvepm", Role.PROGRAM_MANAGER).email;
        }
        return given().auth().preemptive().basic(manager, WebSession.PASSWORD).contentType("application/json");
    }

    static String tiny(String mentors, String mentees, String extra) {
        return """
                {"kind": "pairing", "rules": {"minLevelGap": 1, "crossDepartment": "preferred", "maxOffsetDiffMinutes": 480},
                 "people": [
                   {"id": "m1", "department": "Sales", "level": 6, "managerId": null, "utcOffsetMinutes": 0,
                    "languages": ["en"], "skills": {"negotiation": 3}, "goals": []},
                   {"id": "e1", "department": "Engineering", "level": 2, "managerId": null, "utcOffsetMinutes": 60,
                    "languages": ["en"], "skills": {}, "goals": ["negotiation"]}],
                 "mentors": %s, "mentees": %s %s}
                """.formatted(mentors, mentees, extra);
    }

    @Test
    void solvesThePublicInstanceToTheExactOptimumWithExplanations() throws Exception {
        String body = SharedBench.readInstance("pairing-120.json");
        PairingProblem problem;
        try (InputStream in = Files.newInputStream(SharedBench.instance("pairing-120.json"))) {
            problem = PairingJson.readProblem(in);
        }
        long optimum = ExactPairingOptimizer.optimize(PairingSolutionFactory.build(problem)).objective();
        long everyoneUnmatched = problem.mentees().stream().mapToLong(m -> 1000L * m.priority()).sum();
        Response response = asManager().body(body).post("/api/v1/solve/pairing?seconds=5");
        assertEquals(200, response.statusCode(), response.asString());
        JsonPath json = response.jsonPath();
        List<Map<String, Object>> pairs = json.getList("pairs");
        assertEquals(optimum, json.getLong("objective"), "the exact optimum");
        // soft score = objective - 1000 * the priorities of all mentees (MODEL.md), no hard rule broken
        assertEquals("0hard/" + (optimum - everyoneUnmatched) + "soft", json.getString("score"));
        assertEquals(problem.mentees().size(), pairs.size() + json.getList("unmatched").size(), "every mentee once");
        assertTrue(json.getDouble("seconds") < 15, "about the requested time");
        for (Map<String, Object> pair : pairs) {
            assertTrue(pair.get("mentor") instanceof String && pair.get("mentee") instanceof String);
            assertFalse(((List<?>) pair.get("explanation")).isEmpty(), "every pair is explained");
        }
        for (Map<String, Object> unmatched : json.<Map<String, Object>>getList("unmatched")) {
            assertFalse(((String) unmatched.get("reason")).isBlank(), "every unmatched mentee has a reason");
        }
    }

    @Test
    void explainsAPairInPlainWords() {
        Response response = asManager().body(tiny("[{\"personId\":\"m1\",\"capacity\":1}]",
                "[{\"personId\":\"e1\",\"priority\":1}]", "")).post("/api/v1/solve/pairing?seconds=2");
        assertEquals(200, response.statusCode(), response.asString());
        // MODEL.md weights: priority 1 (1000), proficiency 3 x 10, other department 15, 60 min apart 2 x 1,
        // level gap 4 is 1 over 3 (x 5)
        assertEquals(List.of("matches a priority-1 mentee (+1000)", "shares 1 of the mentee's goals: negotiation (+30)",
                "different departments (+15)", "1 h apart (-2)", "level gap of 4 (-5)"),
                response.jsonPath().getList("pairs[0].explanation", String.class));
        assertEquals(1000 + 30 + 15 - 2 - 5, response.jsonPath().getLong("pairs[0].value"));
    }

    @Test
    void badInstancesGetA400ThatNamesTheProblem() {
        String ok = "[{\"personId\":\"e1\",\"priority\":1}]";
        Map<String, String> cases = Map.of(
                "{\"kind\": \"pairing\", \"people\": [", "malformed",
                tiny("[{\"personId\":\"m1\",\"capacity\":1},{\"personId\":\"m1\",\"capacity\":2}]", ok, ""), "m1",
                tiny("[{\"personId\":\"ghost\",\"capacity\":1}]", ok, ""), "ghost",
                tiny("[{\"personId\":\"m1\",\"capacity\":1}]", "[{\"personId\":\"nobody\",\"priority\":1}]", ""), "nobody",
                tiny("[{\"personId\":\"m1\",\"capacity\":0}]", ok, ""), "capacity",
                tiny("[{\"personId\":\"m1\",\"capacity\":1}]", ok, ", \"history\": [{\"mentorId\":\"m1\",\"menteeId\":\"zed\",\"roundsAgo\":1}]"), "zed",
                tiny("[{\"personId\":\"m1\",\"capacity\":1}]", ok, ", \"doNotPair\": [[\"m1\", \"phantom\"]]"), "phantom");
        cases.forEach((body, named) -> {
            Response response = asManager().body(body).post("/api/v1/solve/pairing?seconds=1");
            assertEquals(400, response.statusCode(), named + ": " + response.asString());
            String error = response.jsonPath().getString("error");
            assertTrue(error.toLowerCase().contains(named.toLowerCase()), named + " not in: " + error);
        });
        asManager().body(tiny("[]", "[]", "")).post("/api/v1/solve/pairing?seconds=0")
                .then().statusCode(400).body("error", containsString("seconds"));
    }

    @Test
    void instancesOutsideTheCanonicalModelGetA400NamingTheField() {
        String mentors = "[{\"personId\":\"m1\",\"capacity\":1}]";
        String mentees = "[{\"personId\":\"e1\",\"priority\":1}]";
        Map<String, String> cases = Map.of(
                tiny(mentors, mentees, "").replace("\"level\": 2", "\"level\": null"),
                "people[1].level must be an integer 1..8, not null",
                tiny(mentors, mentees, ", \"history\": [{\"mentorId\":\"m1\",\"menteeId\":\"e1\",\"roundsAgo\":-1}]"),
                "history[0].roundsAgo must be an integer of at least 1 (the last round), not -1",
                tiny(mentors, mentees, ", \"doNotPair\": [[\"e1\", \"e1\"]]"),
                "doNotPair[0] names \"e1\" twice; it must be two different people",
                tiny(mentors, mentees, "").replace("\"id\": \"m1\", \"department\": \"Sales\", \"level\": 6, \"managerId\": null",
                        "\"id\": \"m1\", \"department\": \"Sales\", \"level\": 6, \"managerId\": \"e1\"")
                        .replace("\"level\": 2, \"managerId\": null", "\"level\": 2, \"managerId\": \"m1\""),
                "people[0].managerId makes a reporting loop m1 -> e1 -> m1, which never reaches a department head"
                        + " (managerId null)");
        cases.forEach((body, message) -> {
            Response response = asManager().body(body).post("/api/v1/solve/pairing?seconds=1");
            assertEquals(400, response.statusCode(), message + ": " + response.asString());
            assertEquals(message, response.jsonPath().getString("error"));
        });
    }

    @Test
    void instancesOverTheSizeLimitAreRefused() {
        StringBuilder people = new StringBuilder();
        for (int i = 0; i < 20_001; i++) {
            people.append(i == 0 ? "" : ",").append("{\"id\":\"x").append(i).append("\"}");
        }
        String body = "{\"kind\":\"pairing\",\"people\":[" + people + "],\"mentors\":[],\"mentees\":[]}";
        asManager().body(body).post("/api/v1/solve/pairing?seconds=1")
                .then().statusCode(400).body("error", containsString("20000"));
    }

    @Test
    void acceptsATenThousandPersonInstance() throws Exception {
        Path instance = SharedBench.generatePairing(10000, 7);
        assertTrue(Files.size(instance) > 3_000_000, "about 4 MB of JSON");
        Response response = asManager().body(Files.readString(instance)).post("/api/v1/solve/pairing?seconds=10");
        assertEquals(200, response.statusCode(), response.asString().substring(0, Math.min(300, response.asString().length())));
        assertTrue(response.jsonPath().getList("pairs").size() > 2000);
    }

    @Test
    void onlyManagersAndAdminsMaySolve() {
        String employee = WebSession.uniqueEmail("solveemp");
        WebSession.signedUp(employee, Map.of());
        given().auth().preemptive().basic(employee, WebSession.PASSWORD).contentType("application/json")
                .body(tiny("[]", "[]", "")).post("/api/v1/solve/pairing").then().statusCode(403).body("error", notNullValue());
        given().contentType("application/json").body("{}").post("/api/v1/solve/pairing").then().statusCode(401);
    }
}
