package io.bridgeway.matching.pairing.io;

import io.bridgeway.support.SharedBench;
import io.bridgeway.matching.pairing.domain.CrossDepartment;
import io.bridgeway.matching.InvalidInstanceException;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input validation: every refusal names the offending field or id, as the REST layer shows it verbatim. */
class PairingJsonTest {

    private static final String PEOPLE = """
            "people": [
              {"id": "a", "department": "Sales", "level": 6, "managerId": "nobody-we-know", "languages": ["en"]},
              {"id": "b", "department": "Eng", "level": 2},
              {"id": "c", "department": "Eng", "level": 1}
            ]""";

    private static String instance(String mentors, String mentees, String extra) {
        return "{\"kind\": \"pairing\", " + PEOPLE + ", \"mentors\": " + mentors + ", \"mentees\": " + mentees + extra + "}";
    }

    private static final String MENTORS = "[{\"personId\": \"a\", \"capacity\": 2}]";
    private static final String MENTEES = "[{\"personId\": \"b\", \"priority\": 1}, {\"personId\": \"c\", \"priority\": 3}]";

    private static String refusal(String json) {
        return assertThrows(InvalidInstanceException.class,
                () -> PairingSolutionFactory.build(PairingJson.readProblem(json))).getMessage();
    }

    @Test
    void acceptsAValidInstanceAndToleratesUnknownManagers() {
        PairingProblem problem = PairingJson.readProblem(instance(MENTORS, MENTEES,
                ", \"rules\": {\"minLevelGap\": 2, \"crossDepartment\": \"required\", \"maxOffsetDiffMinutes\": 300}"));
        assertDoesNotThrow(() -> PairingSolutionFactory.build(problem));
        assertEquals(2, problem.settings().minLevelGap());
        assertEquals(CrossDepartment.REQUIRED, problem.settings().crossDepartment());
        assertEquals(300, problem.settings().maxOffsetDiffMinutes());
        // MODEL.md bounds no gap; a negative one is reverse mentoring
        PairingProblem reverse = PairingJson.readProblem(instance(MENTORS, MENTEES, ", \"rules\": {\"minLevelGap\": -5}"));
        assertDoesNotThrow(() -> PairingSolutionFactory.build(reverse));
        assertEquals(-5, reverse.settings().minLevelGap());
        assertEquals(10, problem.settings().goalSkillWeight());
    }

    @Test
    void malformedStructure() {
        assertEquals("malformed JSON at line 1, column 14: Unexpected end-of-input: expected close marker for Object",
                refusal("{\"people\": []"));
        assertEquals("the instance must be a JSON object", refusal("[]"));
        assertEquals("people is missing", refusal("{\"mentors\": [], \"mentees\": []}"));
        assertEquals("mentors must be a list", refusal("{\"people\": [], \"mentors\": 3, \"mentees\": []}"));
        assertEquals("people[1].level must be an integer 1..8, not \"high\"",
                refusal(instance(MENTORS, MENTEES, "").replace("\"level\": 2", "\"level\": \"high\"")));
        assertEquals("people[2].id is missing", refusal(instance(MENTORS, MENTEES, "").replace("\"id\": \"c\", ", "")));
        assertEquals("people[0].languages is empty; omit it to mean [\"en\"]",
                refusal(instance(MENTORS, MENTEES, "").replace("\"languages\": [\"en\"]", "\"languages\": []")));
        assertEquals("people[1].goals lists \"crm\" twice",
                refusal(secondPersonWith("\"goals\": [\"crm\", \"crm\"]")));
        assertEquals("mentors[0].capacity is missing", refusal(instance("[{\"personId\": \"a\"}]", MENTEES, "")));
        assertEquals("doNotPair[0] must be a list of two person ids",
                refusal(instance(MENTORS, MENTEES, ", \"doNotPair\": [[\"a\"]]")));
        assertEquals("rules.crossDepartment must be \"preferred\" or \"required\", not \"sometimes\"",
                refusal(instance(MENTORS, MENTEES, ", \"rules\": {\"crossDepartment\": \"sometimes\"}")));
        assertEquals("kind must be \"pairing\", not \"circles\"",
                refusal(instance(MENTORS, MENTEES, "").replace("\"pairing\"", "\"circles\"")));
    }

    @Test
    void freeUtcHoursAreReadAndBadHoursRefused() {
        PairingProblem problem = PairingJson.readProblem(instance(MENTORS, MENTEES, "")
                .replace("\"level\": 2}", "\"level\": 2, \"freeUtcHours\": [9, 10, 10, 167]}")
                .replace("\"level\": 1}", "\"level\": 1, \"freeUtcHours\": []}"));
        assertEquals(3, problem.freeHours().get("b").count(), "a repeated hour is one hour");
        assertTrue(problem.freeHours().get("c").isEmpty(), "[] = free at no hour");
        assertFalse(problem.freeHours().containsKey("a"), "absent = free at every hour");
        assertEquals("people[1].freeUtcHours[1] must be an integer hour of the week 0..167, not 168", refusal(
                secondPersonWith("\"freeUtcHours\": [3, 168]")));
        assertEquals("people[1].freeUtcHours[0] must be an integer hour of the week 0..167, not -1", refusal(
                secondPersonWith("\"freeUtcHours\": [-1]")));
        assertEquals("people[1].freeUtcHours[0] must be an integer hour of the week 0..167, not 9.5", refusal(
                secondPersonWith("\"freeUtcHours\": [9.5]")));
        assertEquals("people[1].freeUtcHours[0] must be an integer hour of the week 0..167, not \"9\"", refusal(
                secondPersonWith("\"freeUtcHours\": [\"9\"]")));
        assertEquals("people[1].freeUtcHours must be a list of UTC hours of the week (0..167)", refusal(
                secondPersonWith("\"freeUtcHours\": 9")));
    }

    @Test
    void duplicateIds() {
        assertEquals("duplicate person id \"b\" in people",
                refusal(instance(MENTORS, MENTEES, "").replace("\"id\": \"c\"", "\"id\": \"b\"")));
        assertEquals("duplicate mentor \"a\" in mentors", refusal(instance(
                "[{\"personId\": \"a\", \"capacity\": 2}, {\"personId\": \"a\", \"capacity\": 1}]", MENTEES, "")));
        assertEquals("duplicate mentee \"b\" in mentees", refusal(instance(MENTORS,
                "[{\"personId\": \"b\", \"priority\": 1}, {\"personId\": \"b\", \"priority\": 2}]", "")));
    }

    @Test
    void unknownIds() {
        assertEquals("mentors[0].personId: unknown person id \"zed\"",
                refusal(instance("[{\"personId\": \"zed\", \"capacity\": 2}]", MENTEES, "")));
        assertEquals("mentees[1].personId: unknown person id \"zed\"",
                refusal(instance(MENTORS, "[{\"personId\": \"b\"}, {\"personId\": \"zed\"}]", "")));
        assertEquals("history[0].menteeId: unknown person id \"zed\"", refusal(instance(MENTORS, MENTEES,
                ", \"history\": [{\"mentorId\": \"a\", \"menteeId\": \"zed\", \"roundsAgo\": 1}]")));
        assertEquals("doNotPair[0][1]: unknown person id \"zed\"",
                refusal(instance(MENTORS, MENTEES, ", \"doNotPair\": [[\"a\", \"zed\"]]")));
        assertEquals("pins[0].mentorId: \"b\" is not a mentor",
                refusal(instance(MENTORS, MENTEES, ", \"pins\": [{\"menteeId\": \"c\", \"mentorId\": \"b\"}]")));
    }

    @Test
    void rangeChecks() {
        assertEquals("mentors[0]: mentor \"a\" has capacity 0, must be at least 1",
                refusal(instance("[{\"personId\": \"a\", \"capacity\": 0}]", MENTEES, "")));
        assertEquals("mentees[0]: mentee \"b\" has priority 4, must be 1, 2 or 3",
                refusal(instance(MENTORS, "[{\"personId\": \"b\", \"priority\": 4}]", "")));
        assertEquals("mentees[0]: mentee \"b\" has priority 0, must be 1, 2 or 3",
                refusal(instance(MENTORS, "[{\"personId\": \"b\", \"priority\": 0}]", "")));
    }

    @Test
    void refusesWhatTheCanonicalModelDoesNotAllow() {
        assertEquals("people[1].level must be an integer 1..8, not null",
                refusal(instance(MENTORS, MENTEES, "").replace("\"level\": 2", "\"level\": null")));
        assertEquals("people[2].level must be an integer 1..8, not 0",
                refusal(instance(MENTORS, MENTEES, "").replace("\"level\": 1", "\"level\": 0")));
        assertEquals("people[0].level must be an integer 1..8, not 9",
                refusal(instance(MENTORS, MENTEES, "").replace("\"level\": 6", "\"level\": 9")));
        assertEquals("history[0].roundsAgo must be an integer of at least 1 (the last round), not -1",
                refusal(instance(MENTORS, MENTEES, ", \"history\": [{\"mentorId\": \"a\", \"menteeId\": \"b\", \"roundsAgo\": -1}]")));
        assertEquals("history[0].roundsAgo must be an integer of at least 1 (the last round), not 0",
                refusal(instance(MENTORS, MENTEES, ", \"history\": [{\"mentorId\": \"a\", \"menteeId\": \"b\", \"roundsAgo\": 0}]")));
        // the shared generator makes history pairs of one person (a mentor who was also a mentee): accepted
        assertDoesNotThrow(() -> PairingSolutionFactory.build(PairingJson.readProblem(instance(MENTORS, MENTEES,
                ", \"history\": [{\"mentorId\": \"a\", \"menteeId\": \"a\", \"roundsAgo\": 1}]"))));
        assertEquals("doNotPair[0] names \"b\" twice; it must be two different people",
                refusal(instance(MENTORS, MENTEES, ", \"doNotPair\": [[\"b\", \"b\"]]")));
    }

    @Test
    void offsetsMustBeOnesClocksUseAndTheOffsetLimitNotNegative() {
        assertEquals("people[1].utcOffsetMinutes must be an integer -720..840, not null", refusal(
                secondPersonWith("\"utcOffsetMinutes\": null")));
        assertEquals("people[1].utcOffsetMinutes must be an integer -720..840, not 841", refusal(
                secondPersonWith("\"utcOffsetMinutes\": 841")));
        assertEquals("people[1].utcOffsetMinutes must be an integer -720..840, not -721", refusal(
                secondPersonWith("\"utcOffsetMinutes\": -721")));
        PairingProblem farthest = PairingJson.readProblem(instance(MENTORS, MENTEES, "")
                .replace("\"level\": 2}", "\"level\": 2, \"utcOffsetMinutes\": -720}")
                .replace("\"level\": 1}", "\"level\": 1, \"utcOffsetMinutes\": 840}"));
        assertEquals(-720, farthest.people().get(1).utcOffsetMinutes(), "Baker Island, UTC-12:00");
        assertEquals(840, farthest.people().get(2).utcOffsetMinutes(), "Kiribati, UTC+14:00");
        assertEquals(0, farthest.people().get(0).utcOffsetMinutes(), "a left-out offset is check.py's 0");
        assertEquals("rules.maxOffsetDiffMinutes must be 0 or more, not -1",
                refusal(instance(MENTORS, MENTEES, ", \"rules\": {\"maxOffsetDiffMinutes\": -1}")));
        assertEquals(0, PairingJson.readProblem(instance(MENTORS, MENTEES, ", \"rules\": {\"maxOffsetDiffMinutes\": 0}"))
                .settings().maxOffsetDiffMinutes(), "0 = the same offset only");
    }

    @Test
    void managerLoopsAreRefusedAndChainsEndingOutsideTheInstanceKept() {
        assertEquals("people[1].managerId makes a reporting loop b -> b, which never reaches a department head"
                + " (managerId null)",
                refusal(instance(MENTORS, MENTEES, "").replace("\"id\": \"b\",", "\"id\": \"b\", \"managerId\": \"b\",")));
        String twoPersonLoop = instance(MENTORS, MENTEES, "")
                .replace("\"id\": \"b\",", "\"id\": \"b\", \"managerId\": \"c\",")
                .replace("\"id\": \"c\",", "\"id\": \"c\", \"managerId\": \"b\",");
        assertEquals("people[1].managerId makes a reporting loop b -> c -> b, which never reaches a department head"
                + " (managerId null)", refusal(twoPersonLoop));
        // a -> nobody-we-know ends outside; c -> b -> a is a chain, not a loop
        String chain = instance(MENTORS, MENTEES, "")
                .replace("\"id\": \"b\",", "\"id\": \"b\", \"managerId\": \"a\",")
                .replace("\"id\": \"c\",", "\"id\": \"c\", \"managerId\": \"b\",");
        assertDoesNotThrow(() -> PairingSolutionFactory.build(PairingJson.readProblem(chain)));
    }

    @Test
    void aMissingLevelIsStillCheckPysZero() {
        PairingProblem problem = PairingJson.readProblem(instance(MENTORS, MENTEES, "").replace(", \"level\": 1", ""));
        assertEquals(0, problem.people().get(2).level());
    }

    @Test
    void sizeLimitIsConfigurable() {
        PairingProblem problem = PairingJson.readProblem(instance(MENTORS, MENTEES, ""));
        assertEquals("the instance has 3 people, more than the limit of 2", assertThrows(InvalidInstanceException.class,
                () -> PairingSolutionFactory.build(problem, 2)).getMessage());
    }

    @Test
    void pinsAreRead() {
        PairingProblem problem = PairingJson.readProblem(instance(MENTORS, MENTEES,
                ", \"pins\": [{\"menteeId\": \"b\", \"mentorId\": \"a\"}, {\"menteeId\": \"c\", \"mentorId\": null}]"));
        assertEquals("a", problem.pins().get(0).mentorId());
        assertNull(problem.pins().get(1).mentorId());
    }

    @Test
    @Timeout(120)
    void acceptsATenThousandPersonInstance() throws IOException {
        Path file = SharedBench.generatePairing(10000, 7);
        try (InputStream in = Files.newInputStream(file)) {
            PairingProblem problem = PairingJson.readProblem(in);
            assertEquals(10000, problem.people().size());
            assertDoesNotThrow(() -> PairingSolutionFactory.build(problem));
        }
    }

    /** The small instance, with {@code fields} (JSON members) added to its second person, b. */
    private static String secondPersonWith(String fields) {
        return instance(MENTORS, MENTEES, "").replace("\"level\": 2}", "\"level\": 2, " + fields + "}");
    }
}
