package io.bridgeway.matching.circles.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.bridgeway.matching.circles.domain.CircleExplanation;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.InvalidInstanceException;
import io.bridgeway.matching.circles.domain.MeetingBlock;
import io.bridgeway.matching.circles.solver.CirclesPlanner;

import org.junit.jupiter.api.Test;

class CirclesJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static CirclesProblem parse(String json) throws Exception {
        return CirclesJson.toProblem(MAPPER.readValue(json, CirclesInstanceJson.class));
    }

    /** Berlin and New York in one circle, in the weeks when the US has switched to summer time and the EU has not. */
    private static final String TWO_ZONES = """
            {"kind":"circles","rounds":1,"groupSize":{"min":2,"max":2},"rules":{"seniorLevel":5},
             "startDate":"2026-03-09","weeksPerRound":2,
             "people":[
               {"id":"ana","name":"Ana","department":"Eng","level":6,"utcOffsetMinutes":60,
                "timeZone":"Europe/Berlin","availability":["MON-14","MON-15"]},
               {"id":"ben","name":"Ben","department":"Sales","level":2,"utcOffsetMinutes":-300,
                "timeZone":"America/New_York","availability":["MON-09"]}]}
            """;

    @Test
    void meetingBlockUsesTheDstCorrectUtcHour() throws Exception {
        CirclesResult result = CirclesPlanner.solve(parse(TWO_ZONES), Duration.ofSeconds(5), Duration.ofSeconds(1), 42);
        MeetingBlock block = result.meetingBlocks().get(0);
        // 09:00 EDT = 13:00 UTC = 14:00 CET
        assertEquals("MON 13:00 UTC", block.utcStart());
        assertEquals(List.of("ana", "ben"), block.attendees());
        assertEquals("MON-14", block.localStarts().get("ana"));
        assertEquals("MON-09", block.localStarts().get("ben"));
        assertTrue(block.everyoneCanAttend());

        CircleExplanation explanation = result.explanations().get(0);
        assertTrue(explanation.notes().contains("2 departments"), explanation.notes().toString());
        assertTrue(explanation.notes().contains("includes a senior colleague (level 6)"));
        assertTrue(explanation.notes().contains("spans 6 h of time zones (UTC−05:00 to UTC+01:00, −18)"));
        String json = MAPPER.writeValueAsString(CirclesJson.toJson(result));
        assertTrue(json.contains("\"rounds\":[[[\"ana\",\"ben\"]]]"), json);
    }

    @Test
    void circleWithoutCommonHourReportsWhoCannotMakeIt() throws Exception {
        String json = TWO_ZONES.replace("\"availability\":[\"MON-14\",\"MON-15\"]", "\"availability\":[\"TUE-10\"]");
        MeetingBlock block = CirclesPlanner.solve(parse(json), Duration.ofSeconds(5), Duration.ofSeconds(1), 42).meetingBlocks().get(0);
        assertEquals(1, block.attendees().size());
        assertEquals(1, block.cannotAttend().size());
    }

    @Test
    void repeatsAreExplained() throws Exception {
        String json = """
                {"kind":"circles","rounds":2,"groupSize":{"min":2,"max":2},
                 "people":[{"id":"a","name":"Ana"},{"id":"b","name":"Ben"}],"history":[["a","b"]]}
                """;
        CirclesResult result = CirclesPlanner.solve(parse(json), Duration.ofSeconds(2), Duration.ofSeconds(1), 42);
        assertEquals(2, result.repeats());
        assertTrue(result.explanations().get(0).notes().contains("Ana and Ben met in an earlier programme (repeat)"));
        assertTrue(result.explanations().get(1).notes().contains("Ana and Ben met in round 1 (repeat)"));
    }

    private static final String FREE_HOURS = """
            {"kind":"circles","rounds":1,"groupSize":{"min":2,"max":2},
             "people":[{"id":"a","utcOffsetMinutes":60,"freeUtcHours":[10,33]},{"id":"b","freeUtcHours":[33,34]},
                       {"id":"c","freeUtcHours":[9]},{"id":"d"}]}
            """;

    @Test
    void freeUtcHoursDecideWhoMeetsAndWhen() throws Exception {
        CirclesResult result = CirclesPlanner.solve(parse(FREE_HOURS), Duration.ofSeconds(5), Duration.ofSeconds(1), 42);
        // a+b meet at 33 and c+d at 9 (d is free at every hour): every seat can meet
        assertEquals(0, result.unavailableMembers());
        assertEquals(0, result.soft());
        MeetingBlock withA = result.meetingBlocks().stream().filter(b -> b.attendees().contains("a")).findFirst().orElseThrow();
        assertEquals(List.of("a", "b"), withA.attendees());
        assertEquals("TUE 09:00 UTC", withA.utcStart()); // hour 33 = Tuesday 09:00 UTC
        assertEquals("TUE-10", withA.localStarts().get("a")); // a is at UTC+1
        assertTrue(withA.everyoneCanAttend());
        String json = MAPPER.writeValueAsString(CirclesJson.toJson(result));
        assertTrue(json.contains("\"unavailableMembers\":0"), json);
    }

    @Test
    void freeUtcHoursOutsideTheWeekAreRefused() {
        String json = FREE_HOURS.replace("[10,33]", "[9,168]").replace("[33,34]", "[-1,null]");
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> parse(json));
        assertEquals(List.of("person a: freeUtcHours must be whole hours of the week 0..167, not 168",
                "person b: freeUtcHours must be whole hours of the week 0..167, not -1",
                "person b: freeUtcHours must be whole hours of the week 0..167, not null"), e.problems());
    }

    @Test
    void unreadableFieldsAreListed() {
        String json = TWO_ZONES.replace("Europe/Berlin", "Europe/Atlantis").replace("\"MON-09\"", "\"XYZ-09\"");
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> parse(json));
        assertEquals(List.of("person ana: unknown time zone 'Europe/Atlantis'",
                "person ben: 'XYZ-09' names no day of the week"), e.problems());
    }

    private static final String FOUR = """
            {"kind":"circles","rounds":1,"groupSize":{"min":2,"max":2},"rules":{"seniorLevel":5},
             "people":[{"id":"a","level":6},{"id":"b","level":2,"managerId":"a"},{"id":"c","level":3},{"id":"d"}]}
            """;

    @Test
    void levelsManagerLoopsAndSeniorLevelOutsideTheModelAreRefused() {
        String json = FOUR.replace("\"level\":3", "\"level\":0").replace("\"seniorLevel\":5", "\"seniorLevel\":9")
                .replace("{\"id\":\"a\",", "{\"id\":\"a\",\"managerId\":\"b\",");
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> parse(json));
        assertEquals(List.of("person c: level must be an integer 1..8, not 0",
                "person a: managerId makes a reporting loop a -> b -> a, which never reaches a department head"
                        + " (managerId null)",
                "rules.seniorLevel must be 1..8, not 9"), e.problems());
        assertEquals(List.of("person d: managerId makes a reporting loop d -> d, which never reaches a department head"
                + " (managerId null)"), assertThrows(InvalidInstanceException.class,
                        () -> parse(FOUR.replace("{\"id\":\"d\"}", "{\"id\":\"d\",\"managerId\":\"d\"}"))).problems());
        assertThrows(MismatchedInputException.class,
                () -> parse(FOUR.replace("\"level\":3", "\"level\":null")), "an explicit null level");
    }

    @Test
    void offsetsMustBeOnesClocksUse() throws Exception {
        String json = FOUR.replace("{\"id\":\"c\",", "{\"id\":\"c\",\"utcOffsetMinutes\":841,")
                .replace("{\"id\":\"d\"}", "{\"id\":\"d\",\"utcOffsetMinutes\":-721}");
        assertEquals(List.of("person c: utcOffsetMinutes must be an integer -720..840, not 841",
                "person d: utcOffsetMinutes must be an integer -720..840, not -721"),
                assertThrows(InvalidInstanceException.class, () -> parse(json)).problems());
        CirclesProblem farthest = parse(FOUR.replace("{\"id\":\"c\",", "{\"id\":\"c\",\"utcOffsetMinutes\":840,")
                .replace("{\"id\":\"d\"}", "{\"id\":\"d\",\"utcOffsetMinutes\":-720}"));
        assertEquals(840, farthest.people().get(2).utcOffsetMinutes());
        assertEquals(-720, farthest.people().get(3).utcOffsetMinutes());
        MismatchedInputException explicitNull = assertThrows(MismatchedInputException.class,
                () -> parse(FOUR.replace("{\"id\":\"d\"}", "{\"id\":\"d\",\"utcOffsetMinutes\":null}")));
        assertEquals("utcOffsetMinutes", explicitNull.getPath().get(explicitNull.getPath().size() - 1).getFieldName());
    }

    @Test
    void aNegativeOffsetLimitIsRefused() {
        assertEquals(List.of("rules.maxOffsetDiffMinutes must be 0 or more, not -1"), assertThrows(
                InvalidInstanceException.class,
                () -> parse(FOUR.replace("\"seniorLevel\":5", "\"seniorLevel\":5,\"maxOffsetDiffMinutes\":-1"))).problems());
    }

    @Test
    void aHistoryGroupNamingSomeoneTwiceIsRefused() throws Exception {
        String json = FOUR.replace("]}", "],\"history\":[[\"a\",\"b\"],[\"c\",\"d\",\"c\"]]}");
        assertEquals(List.of("history group 2 names \"c\" twice; a group lists each person once"),
                assertThrows(InvalidInstanceException.class, () -> parse(json)).problems());
        assertEquals(2, parse(json.replace(",\"c\"]]", "]]")).history().size());
    }

    @Test
    void aLeftOutLevelAndAChainAreAccepted() throws Exception {
        CirclesProblem problem = parse(FOUR);
        assertEquals(0, problem.people().get(3).level(), "golfer instances leave levels out");
    }
}
