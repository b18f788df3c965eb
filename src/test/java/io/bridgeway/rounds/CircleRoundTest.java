package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A peer-circles programme: every member in exactly one circle per meeting, with a meeting hour. */
@QuarkusTest
class CircleRoundTest {

    static int circlesProgramme(String pm, String name, int meetings, int min, int max) {
        return RoundLifecycleTest.as(pm).body("""
                {"name": "%s", "type": "CIRCLES", "enrollmentOpens": "%s", "enrollmentCloses": "%s",
                 "circleRounds": %d, "circleCadenceWeeks": 4, "circleStartDate": "%s", "groupMin": %d, "groupMax": %d}
                """.formatted(name, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), meetings,
                LocalDate.now().plusWeeks(2), min, max))
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
    }

    static List<String> members(String prefix, int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = WebSession.uniqueEmail(prefix);
            WebSession.signedUp(email, WebSession.with("departmentId", String.valueOf(1 + i % 4),
                    "level", String.valueOf(1 + i % 7)));
            emails.add(email);
        }
        return emails;
    }

    @Test
    void circlesAreFormedForEveryMeetingWithAMeetingHour() {
        String pm = WebSession.withRole("circlepm", Role.PROGRAM_MANAGER).email;
        int programId = circlesProgramme(pm, "Circles", 2, 3, 4);
        List<String> people = members("circle", 12);
        RoundLifecycleTest.enroll(pm, programId, people, "{\"asCircleMember\": true, \"emails\": %s}");

        long roundId = RoundLifecycleTest.start(pm, programId);
        JsonPath round = RoundLifecycleTest.awaitSolved(pm, roundId);
        assertEquals("SOLVED", round.getString("solveState"), round.prettify());
        List<Map<String, Object>> circles = round.getList("circles");
        assertEquals(6, circles.size(), "12 people in circles of 3-4: 3 circles at each of 2 meetings");
        for (int meeting = 0; meeting < 2; meeting++) {
            Set<Object> seen = new HashSet<>();
            for (Map<String, Object> circle : circles) {
                if (((Number) circle.get("meeting")).intValue() == meeting) {
                    List<?> members = (List<?>) circle.get("members");
                    assertTrue(members.size() >= 3 && members.size() <= 4, "size within bounds");
                    members.forEach(m -> assertTrue(seen.add(m), "nobody twice in one meeting"));
                    assertNotNull(circle.get("meetingUtcStart"), "everyone shares Monday 9-11 Berlin time");
                    assertFalse(((List<?>) circle.get("explanation")).isEmpty());
                }
            }
            assertEquals(12, seen.size(), "nobody left out");
        }
        // three circles of four twice: by pigeonhole each second-meeting circle holds two who met before
        assertEquals(3, round.getInt("circleRepeats"), "the fewest repeats possible");
    }

    @Test
    void aHeadcountThatCannotBeSplitFailsWithAClearMessage() {
        String pm = WebSession.withRole("circlepmbad", Role.PROGRAM_MANAGER).email;
        int programId = circlesProgramme(pm, "Too few", 1, 4, 5);
        RoundLifecycleTest.enroll(pm, programId, members("fewcircle", 3), "{\"asCircleMember\": true, \"emails\": %s}");
        long roundId = RoundLifecycleTest.start(pm, programId);
        JsonPath round = RoundLifecycleTest.awaitSolved(pm, roundId);
        assertEquals("FAILED", round.getString("solveState"));
        assertTrue(round.getString("solveMessage").contains("3"), round.getString("solveMessage"));
    }
}
