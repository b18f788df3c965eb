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
public class CircleRoundTest {

    static int circlesProgramme(String pm, String name, int meetings, int min, int max) {
        return RoundLifecycleTest.as(pm).body("""
                {"name": "%s", "type": "CIRCLES", "enrollmentOpens": "%s", "enrollmentCloses": "%s",
                 "circleRounds": %d, "circleCadenceWeeks": 4, "circleStartDate": "%s", "groupMin": %d, "groupMax": %d}
                """.formatted(name, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), meetings,
                LocalDate.now().plusWeeks(2), min, max))
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
    }

    public record CircleCohort(String pm, int programId, List<String> people) {
    }

    /** A manager and a circles programme with {@code people} enrolled as circle members. */
    public static CircleCohort circleCohort(String prefix, int meetings, int min, int max, List<String> people) {
        String pm = WebSession.withRole(prefix + "pm", Role.PROGRAM_MANAGER).email;
        int programId = circlesProgramme(pm, prefix + " circles", meetings, min, max);
        RoundLifecycleTest.enroll(pm, programId, people, "{\"asCircleMember\": true, \"emails\": %s}");
        return new CircleCohort(pm, programId, people);
    }

    public static List<String> members(String prefix, int count) {
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
        WebSession page = new WebSession();
        page.login(pm, WebSession.PASSWORD);
        org.jsoup.nodes.Document second = page.page("/rounds/" + roundId + "?meeting=1");
        assertEquals(3, second.select("ul.circles li.card").size(), "the page lists the second meeting's circles");
        assertTrue(second.select("ul.circles").text().contains("Meets"), second.select("ul.circles").text());
        // three circles of four twice: by pigeonhole each second-meeting circle holds two who met before
        assertEquals(3, round.getInt("circleRepeats"), "the fewest repeats possible");
    }

    @jakarta.inject.Inject
    io.quarkus.mailer.MockMailbox mailbox;

    @Test
    void aManagerMovesSomeoneWhoStaysAfterASolveAndPublishingSchedulesTheMeetings() {
        String pm = WebSession.withRole("movepm", Role.PROGRAM_MANAGER).email;
        int programId = circlesProgramme(pm, "Movable circles", 2, 3, 5);
        List<String> people = members("mover", 12);
        RoundLifecycleTest.enroll(pm, programId, people, "{\"asCircleMember\": true, \"emails\": %s}");
        long roundId = RoundLifecycleTest.start(pm, programId);
        JsonPath round = RoundLifecycleTest.awaitSolved(pm, roundId);
        List<Map<String, Object>> first = round.<Map<String, Object>>getList("circles").stream()
                .filter(c -> ((Number) c.get("meeting")).intValue() == 0).toList();
        assertEquals(3, first.size());
        long mover = ((Number) ((List<?>) first.get(0).get("members")).get(0)).longValue();
        long version = round.getLong("version");

        RoundLifecycleTest.as(pm).body(Map.of("personId", mover, "meeting", 0, "circle", 1, "version", version))
                .post("/api/v1/rounds/" + roundId + "/circles/move").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("already in circle 1"));
        for (int meeting : List.of(-1, 99)) {
            RoundLifecycleTest.as(pm).body(Map.of("personId", mover, "meeting", meeting, "circle", 1, "version", version))
                    .post("/api/v1/rounds/" + roundId + "/circles/move").then().statusCode(400)
                    .body("error", org.hamcrest.Matchers.startsWith("This round has no meeting " + meeting + " "))
                    .body("field", org.hamcrest.Matchers.equalTo("meeting"));
        }
        String moved = RoundLifecycleTest.as(pm).body(Map.of("personId", mover, "meeting", 0, "circle", 2, "version", version))
                .post("/api/v1/rounds/" + roundId + "/circles/move").then().statusCode(200).extract().path("message");
        assertTrue(moved.contains("Score impact: repeats"), moved);

        JsonPath afterMove = RoundLifecycleTest.as(pm).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        RoundLifecycleTest.as(pm).post("/api/v1/rounds/" + roundId + "/solve?version=" + afterMove.getLong("version"))
                .then().statusCode(200);
        JsonPath resolved = RoundLifecycleTest.awaitSolved(pm, roundId);
        Map<String, Object> circleTwo = resolved.<Map<String, Object>>getList("circles").stream()
                .filter(c -> ((Number) c.get("meeting")).intValue() == 0 && ((Number) c.get("circle")).intValue() == 2)
                .findFirst().orElseThrow();
        assertTrue(((List<?>) circleTwo.get("members")).stream().anyMatch(m -> ((Number) m).longValue() == mover),
                "the moved person stays where the manager put them");
        assertTrue(((List<?>) circleTwo.get("pinned")).stream().anyMatch(m -> ((Number) m).longValue() == mover));

        mailbox.clear();
        RoundLifecycleTest.as(pm).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        assertEquals(12, io.bridgeway.support.Mailboxes.ofRound(roundId).size(), "one message per participant");
        io.quarkus.mailer.Mail mail = io.bridgeway.support.Mailboxes.awaitMailTo(mailbox, List.of(people.get(0))).get(0);
        assertTrue(mail.getText().contains("Peer circle, meeting 1") && mail.getText().contains("Peer circle, meeting 2"));
        assertTrue(mail.getText().contains("About this circle"), mail.getText());
        assertFalse(io.bridgeway.matching.PlainWordsTest.hasSolverNumbers(mail.getText()), "plain words: " + mail.getText());
        net.fortuna.ical4j.model.Calendar ics = RoundLifecycleTest.parse(mail.getAttachments().get(0));
        assertEquals(2, ics.getComponents("VEVENT").size(), "one invite per circle meeting");
    }

    @Test
    void aHeadcountThatCannotBeSplitStillGivesEveryoneACircle() {
        String pm = WebSession.withRole("circlepmbad", Role.PROGRAM_MANAGER).email;
        int programId = circlesProgramme(pm, "Too few", 1, 4, 5);
        RoundLifecycleTest.enroll(pm, programId, members("fewcircle", 3), "{\"asCircleMember\": true, \"emails\": %s}");
        long roundId = RoundLifecycleTest.start(pm, programId);
        JsonPath round = RoundLifecycleTest.awaitSolved(pm, roundId);
        assertEquals("SOLVED", round.getString("solveState"), round.prettify());
        assertEquals(1, round.getList("circles").size(), "3 people below the smallest size of 4: one circle of 3");
        assertEquals(3, round.getList("circles[0].members").size());
    }

    @Test
    void availabilityDecidesWhoSitsTogetherAndTheStoredHourIsTheirCommonHour() {
        String pm = WebSession.withRole("availpm", Role.PROGRAM_MANAGER).email;
        int programId = circlesProgramme(pm, "Available circles", 1, 4, 4);
        List<String> mornings = new ArrayList<>();
        List<String> evenings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String email = WebSession.uniqueEmail("avail");
            boolean morning = i % 2 == 0; // interleaved, so a seating by sign-up order would mix the groups
            WebSession.signedUp(email, WebSession.with("departmentId", String.valueOf(1 + i % 4),
                    "level", String.valueOf(1 + i % 7), "timeZone", morning ? "Europe/Berlin" : "America/New_York",
                    "availability", morning ? List.of("TUE-08", "TUE-09") : List.of("THU-17", "THU-18")));
            (morning ? mornings : evenings).add(email);
        }
        List<String> everyone = new ArrayList<>(mornings);
        everyone.addAll(evenings);
        RoundLifecycleTest.enroll(pm, programId, everyone, "{\"asCircleMember\": true, \"emails\": %s}");

        long roundId = RoundLifecycleTest.start(pm, programId);
        JsonPath round = RoundLifecycleTest.awaitSolved(pm, roundId);
        List<Map<String, Object>> circles = round.getList("circles");
        assertEquals(2, circles.size(), round.prettify());
        Set<String> hours = new HashSet<>();
        for (Map<String, Object> circle : circles) {
            assertEquals(null, circle.get("meetingNote"), "every seat can make its circle's hour: " + circle);
            hours.add((String) circle.get("meetingUtcStart"));
        }
        // Berlin TUE 08:00 in winter or summer is TUE 06:00 or 07:00 UTC; New York THU 17:00 is 21:00 or 22:00 UTC
        assertTrue(hours.stream().anyMatch(h -> h.startsWith("TUE")), hours.toString());
        assertTrue(hours.stream().anyMatch(h -> h.startsWith("THU")), hours.toString());
    }

    static String availableMember(String prefix, String name, String department, List<String> slots) {
        String email = WebSession.uniqueEmail(prefix);
        WebSession.signedUp(email, WebSession.with("fullName", name, "departmentId", department, "level", "6",
                "timeZone", "Europe/Berlin", "availability", slots));
        return email;
    }

    static Map<String, Object> circleNumbered(JsonPath round, int number) {
        return round.<Map<String, Object>>getList("circles").stream()
                .filter(c -> ((Number) c.get("circle")).intValue() == number).findFirst().orElseThrow();
    }

    static int circleOf(JsonPath round, long personId) {
        return round.<Map<String, Object>>getList("circles").stream()
                .filter(c -> ((List<?>) c.get("members")).stream().anyMatch(m -> ((Number) m).longValue() == personId))
                .mapToInt(c -> ((Number) c.get("circle")).intValue()).findFirst().orElseThrow();
    }

    @Test
    void aMoveWorksOutBothCirclesHoursNotesAndExplanationsAtOnce() {
        String pm = WebSession.withRole("hourmovepm", Role.PROGRAM_MANAGER).email;
        int programId = circlesProgramme(pm, "Hours follow moves", 1, 2, 3);
        String mover = availableMember("hourmove", "Ada Tuesday", "1", List.of("TUE-09"));
        List<String> tuesdays = List.of(mover, availableMember("hourmove", "Bo Tuesday", "2", List.of("TUE-09")),
                availableMember("hourmove", "Cy Tuesday", "3", List.of("TUE-09")));
        String thursdayOnly = availableMember("hourmove", "Dee Thursday", "4", List.of("THU-17"));
        String both = availableMember("hourmove", "Eli Both", "1", List.of("TUE-09", "THU-17"));
        List<String> everyone = new ArrayList<>(tuesdays);
        everyone.add(thursdayOnly);
        everyone.add(both);
        RoundLifecycleTest.enroll(pm, programId, everyone, "{\"asCircleMember\": true, \"emails\": %s}");
        long roundId = RoundLifecycleTest.start(pm, programId);
        JsonPath round = RoundLifecycleTest.awaitSolved(pm, roundId);
        long moverId = WebSession.idOf(mover);
        int tuesdayCircle = circleOf(round, moverId);
        int thursdayCircle = circleOf(round, WebSession.idOf(thursdayOnly));
        assertTrue(tuesdayCircle != thursdayCircle, round.prettify());
        assertTrue(((String) circleNumbered(round, thursdayCircle).get("meetingUtcStart")).startsWith("THU"),
                round.prettify());
        assertEquals(null, circleNumbered(round, thursdayCircle).get("meetingNote"));

        RoundLifecycleTest.as(pm).body(Map.of("personId", moverId, "meeting", 0, "circle", thursdayCircle,
                "version", round.getLong("version"))).post("/api/v1/rounds/" + roundId + "/circles/move")
                .then().statusCode(200);

        JsonPath moved = RoundLifecycleTest.as(pm).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        Map<String, Object> joined = circleNumbered(moved, thursdayCircle);
        // Ada and Eli make Tuesday, Dee and Eli Thursday: on the tie the earlier hour wins, as in a solve
        assertTrue(((String) joined.get("meetingUtcStart")).startsWith("TUE"), joined.toString());
        assertEquals("1 of 3 cannot make this hour: Dee Thursday", joined.get("meetingNote"));
        assertTrue(joined.get("explanation").toString().contains("1 cannot make the meeting hour (−40)"),
                joined.toString());
        Map<String, Object> left = circleNumbered(moved, tuesdayCircle);
        assertEquals(2, ((List<?>) left.get("members")).size());
        assertEquals(null, left.get("meetingNote"));
        assertTrue(left.get("explanation").toString().contains("everyone can make the meeting hour"), left.toString());
        assertEquals(0L, round.getLong("circleSoft"), "everyone available, no shared department, all seniors");
        assertEquals(50L, moved.getLong("circleSoft"), "Dee's seat (40) and Ada with Eli in department 1 (10)");

        WebSession page = new WebSession();
        page.login(pm, WebSession.PASSWORD);
        org.jsoup.nodes.Document after = page.page("/rounds/" + roundId);
        assertEquals("1 of 5 seats cannot make their circle's hour", after.select("#meeting-seats").text());
        org.jsoup.nodes.Element card = after.selectFirst("#circle-grid li.card:has(h3:containsOwn(Circle " + thursdayCircle + "))");
        assertNotNull(card, after.select("#circle-grid").html());
        String dee = card.select("ul.members li:contains(Dee Thursday)").text();
        assertTrue(dee.contains("Tue 09:00 their time, cannot make it"), dee);
        assertTrue(card.select("ul.members li:contains(Eli Both)").text().endsWith("Tue 09:00 their time"),
                card.text());

        // moving Ada back through the review form with htmx redraws the seat count out of band
        org.jsoup.nodes.Element form = after.selectFirst("form[action$=/circles/move]");
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.put("csrf-token", after.select("input[name=csrf-token]").attr("value"));
        fields.put("personEmail", mover);
        fields.put("circle", String.valueOf(tuesdayCircle));
        io.restassured.response.Response answer = page.request().header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded").formParams(fields).post(form.attr("action"));
        assertEquals(200, answer.statusCode(), answer.asString());
        org.jsoup.nodes.Document fragment = org.jsoup.Jsoup.parseBodyFragment(answer.asString());
        assertEquals("0 of 5 seats cannot make their circle's hour",
                fragment.selectFirst("#meeting-seats[hx-swap-oob]").text(), answer.asString());
    }
}
