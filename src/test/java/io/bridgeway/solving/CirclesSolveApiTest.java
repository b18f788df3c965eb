package io.bridgeway.solving;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.SharedBench;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CirclesSolveApiTest {

    @Test
    void solvesTheSmallSocialGolferInstanceWithoutRepeats() {
        String body = SharedBench.readInstance("golfers-5-3-7.json");
        Response response = PairingSolveApiTest.asManager().body(body).post("/api/v1/solve/circles?seconds=20");
        assertEquals(200, response.statusCode(), response.asString());
        JsonPath json = response.jsonPath();
        List<List<List<String>>> rounds = json.getList("rounds");
        assertEquals(7, rounds.size());
        for (List<List<String>> round : rounds) {
            assertEquals(5, round.size());
            Set<String> seen = new HashSet<>();
            round.forEach(group -> {
                assertEquals(3, group.size());
                seen.addAll(group);
            });
            assertEquals(15, seen.size(), "everyone once per round");
        }
        assertEquals(0, json.getInt("repeats"), "5-3-7 is solvable: nobody meets twice");
    }

    @Test
    void realisticInstanceGetsExplanations() {
        String body = SharedBench.readInstance("circles-68.json");
        JsonPath json = PairingSolveApiTest.asManager().body(body).post("/api/v1/solve/circles?seconds=3")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, json.getList("rounds").size());
        assertTrue(json.getList("explanations").size() > 0);
        assertTrue(json.getString("score").contains("hard"));
    }

    @Test
    void badInstancesGetA400ThatNamesTheProblem() {
        String people = "[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"},{\"id\":\"d\"}]";
        Map<String, String> cases = Map.of(
                "{\"kind\":\"circles\",\"people\":[", "malformed",
                "{\"kind\":\"circles\",\"rounds\":1,\"groupSize\":{\"min\":2,\"max\":2},\"people\":[{\"id\":\"a\"},{\"id\":\"a\"}]}", "a",
                "{\"kind\":\"circles\",\"rounds\":1,\"groupSize\":{\"min\":2,\"max\":2},\"people\":" + people
                        + ",\"history\":[[\"a\",\"ghost\"]]}", "ghost",
                "{\"kind\":\"circles\",\"rounds\":1,\"groupSize\":{\"min\":3,\"max\":2},\"people\":" + people + "}", "min",
                "{\"kind\":\"circles\",\"rounds\":1,\"groupSize\":{\"min\":3,\"max\":3},\"people\":" + people + "}", "4 people");
        cases.forEach((body, named) -> {
            Response response = PairingSolveApiTest.asManager().body(body).post("/api/v1/solve/circles?seconds=1");
            assertEquals(400, response.statusCode(), named + ": " + response.asString());
            String error = response.jsonPath().getString("error");
            assertTrue(error.toLowerCase().contains(named.toLowerCase()), named + " not in: " + error);
        });
    }

    @Test
    void instancesOutsideTheCanonicalModelGetA400NamingTheField() {
        String body = """
                {"kind":"circles","rounds":1,"groupSize":{"min":2,"max":2},"rules":{"seniorLevel":0},
                 "people":[{"id":"a","level":9},{"id":"b","managerId":"c"},{"id":"c","managerId":"b"},{"id":"d"}]}
                """;
        Response response = PairingSolveApiTest.asManager().body(body).post("/api/v1/solve/circles?seconds=1");
        assertEquals(400, response.statusCode(), response.asString());
        String error = response.jsonPath().getString("error");
        for (String problem : List.of("person a: level must be an integer 1..8, not 9",
                "person b: managerId makes a reporting loop b -> c -> b", "rules.seniorLevel must be 1..8, not 0")) {
            assertTrue(error.contains(problem), problem + " not in: " + error);
        }
        Response nullLevel = PairingSolveApiTest.asManager().body(body.replace("\"level\":9", "\"level\":null"))
                .post("/api/v1/solve/circles?seconds=1");
        assertEquals(400, nullLevel.statusCode(), nullLevel.asString());
        assertTrue(nullLevel.jsonPath().getString("error").contains("people[0].level"), nullLevel.asString());
    }

    @Test
    void onlyManagersAndAdminsMaySolve() {
        String employee = WebSession.uniqueEmail("circlesemp");
        WebSession.signedUp(employee, Map.of());
        given().auth().preemptive().basic(employee, WebSession.PASSWORD).contentType("application/json").body("{}")
                .post("/api/v1/solve/circles").then().statusCode(403);
    }
}
