package io.bridgeway.solving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies that once reached the solver or a collection factory and answered 500 (or asked for gigabytes):
 * each is refused with a 400 whose message names the field.
 */
@QuarkusTest
class SolveBadBodiesTest {

    private static final String OK_MENTEES = "[{\"personId\":\"e1\",\"priority\":1}]";

    private static String pairing(String mentorFields, String menteeFields, String mentors) {
        return """
                {"kind": "pairing",
                 "people": [
                   {"id": "m1", "level": 6, "languages": ["en"], "skills": {"java": 3} %s},
                   {"id": "m2", "level": 6},
                   {"id": "e1", "level": 1, "goals": ["java"] %s}],
                 "mentors": %s, "mentees": %s}
                """.formatted(mentorFields, menteeFields, mentors, OK_MENTEES);
    }

    private static String oneMentor(String mentorFields, String menteeFields) {
        return pairing(mentorFields, menteeFields, "[{\"personId\":\"m1\",\"capacity\":1}]");
    }

    private static String circles(String personFields, String extra) {
        return """
                {"kind": "circles", "rounds": 1, "groupSize": {"min": 2, "max": 2} %s,
                 "people": [{"id": "a" %s}, {"id": "b"}, {"id": "c"}, {"id": "d"}]}
                """.formatted(extra, personFields);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            capacity MAX_INT           | capacity
            capacities overflowing     | capacity
            capacity 400000000         | capacity
            mentor level 1000000000    | level
            mentee level -1000000000   | level
            proficiency 2000000000     | skills.java
            offset 2000000000          | utcOffsetMinutes
            offset null                | utcOffsetMinutes
            offset 841                 | utcOffsetMinutes
            negative offset limit      | maxOffsetDiffMinutes
            language null              | languages
            """)
    void pairingRefuses(String name, String field) {
        String body = switch (name) {
            case "capacity MAX_INT" -> pairing("", "", "[{\"personId\":\"m1\",\"capacity\":2147483647}]");
            case "capacities overflowing" -> pairing("", "",
                    "[{\"personId\":\"m1\",\"capacity\":1500000000},{\"personId\":\"m2\",\"capacity\":1500000000}]");
            case "capacity 400000000" -> pairing("", "", "[{\"personId\":\"m1\",\"capacity\":400000000}]");
            case "mentor level 1000000000" -> oneMentor(", \"level\": 1000000000", "").replace("\"level\": 6, ", "");
            case "mentee level -1000000000" -> oneMentor("", ", \"level\": -1000000000").replace("\"level\": 1, ", "");
            case "proficiency 2000000000" -> oneMentor("", "").replace("{\"java\": 3}", "{\"java\": 2000000000}");
            case "offset 2000000000" -> oneMentor(", \"utcOffsetMinutes\": 2000000000", ", \"utcOffsetMinutes\": -2000000000");
            case "offset null" -> oneMentor("", ", \"utcOffsetMinutes\": null");
            case "offset 841" -> oneMentor(", \"utcOffsetMinutes\": 841", "");
            case "negative offset limit" -> oneMentor("", "").replace("\"kind\": \"pairing\",",
                    "\"kind\": \"pairing\", \"rules\": {\"maxOffsetDiffMinutes\": -60},");
            case "language null" -> oneMentor("", "").replace("[\"en\"]", "[null]");
            default -> throw new IllegalArgumentException(name);
        };
        assertRefused("/api/v1/solve/pairing?seconds=1", body, field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            groupSize max MAX_INT       | groupSize
            language null               | languages
            goal null                   | goals
            skill null                  | skills
            history group null          | history
            history member null         | history
            history member twice        | history group 1 names "a" twice
            offset 1500 for availability | utcOffsetMinutes
            offset 2000000000           | utcOffsetMinutes
            offset null                 | utcOffsetMinutes
            offset -721                 | utcOffsetMinutes
            negative offset limit       | maxOffsetDiffMinutes
            level 1000000000            | level
            negative weight             | sameDepartmentPairWeight
            weight 1001                 | unavailableMemberWeight
            start date at the end of time | startDate
            """)
    void circlesRefuses(String name, String field) {
        String body = switch (name) {
            case "groupSize max MAX_INT" -> circles("", "").replace("\"max\": 2", "\"max\": 2147483647");
            case "language null" -> circles(", \"languages\": [null]", "");
            case "goal null" -> circles(", \"goals\": [null]", "");
            case "skill null" -> circles(", \"skills\": {\"x\": null}", "");
            case "history group null" -> circles("", ", \"history\": [null]");
            case "history member null" -> circles("", ", \"history\": [[\"a\", null]]");
            case "history member twice" -> circles("", ", \"history\": [[\"a\", \"b\", \"a\"]]");
            case "offset 1500 for availability" -> circles(", \"availability\": [\"MON-09\"], \"utcOffsetMinutes\": 1500", "");
            case "offset 2000000000" -> circles(", \"utcOffsetMinutes\": 2000000000", "");
            case "offset null" -> circles(", \"utcOffsetMinutes\": null", "");
            case "offset -721" -> circles(", \"utcOffsetMinutes\": -721", "");
            case "negative offset limit" -> circles("", ", \"rules\": {\"maxOffsetDiffMinutes\": -1}");
            case "level 1000000000" -> circles(", \"level\": 1000000000", "");
            case "negative weight" -> circles("", ", \"rules\": {\"sameDepartmentPairWeight\": -1}");
            case "weight 1001" -> circles("", ", \"rules\": {\"unavailableMemberWeight\": 1001}");
            case "start date at the end of time" -> circles(", \"availability\": [\"MON-09\"], \"timeZone\": \"Europe/Paris\"",
                    ", \"rounds\": 3, \"startDate\": \"+999999999-12-25\", \"weeksPerRound\": 52").replace("\"rounds\": 1, ", "");
            default -> throw new IllegalArgumentException(name);
        };
        assertRefused("/api/v1/solve/circles?seconds=1", body, field);
    }

    private static void assertRefused(String path, String body, String field) {
        Response response = PairingSolveApiTest.asManager().body(body).post(path);
        assertEquals(400, response.statusCode(), response.asString());
        String error = response.jsonPath().getString("error");
        assertTrue(error.toLowerCase(Locale.ROOT).contains(field.toLowerCase(Locale.ROOT)), field + " not in: " + error);
    }
}
