package io.bridgeway.mentoring;

import static io.bridgeway.rounds.RoundLifecycleTest.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.rounds.RoundCircle;
import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * The personal calendar: the .ics download and the subscription feed. The feed opens with its token alone,
 * a wrong or replaced token is a 404 that says nothing, and the meetings are at the right instant on both
 * sides of a daylight-saving change.
 */
@QuarkusTest
class CalendarFeedTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theFeedHoldsMyCircleMeetingsAcrossADaylightSavingChange() throws Exception {
        // two weekly circle meetings, the first in the week before Berlin's next clock change, the second after it
        LocalDate change = LocalDate.ofInstant(BERLIN.getRules().nextTransition(Instant.now()).getInstant(), ZoneOffset.UTC);
        LocalDate start = change.minusDays(6); // Berlin changes on a Sunday: this week is before it, the next after

        String pm = WebSession.withRole("feedpm", Role.PROGRAM_MANAGER).email;
        int programId = as(pm).body("""
                {"name": "Feed circles", "type": "CIRCLES", "enrollmentOpens": "%s", "enrollmentCloses": "%s",
                 "circleRounds": 2, "circleCadenceWeeks": 1, "circleStartDate": "%s", "groupMin": 3, "groupMax": 3}
                """.formatted(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), start))
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = WebSession.uniqueEmail("feed");
            WebSession.signedUp(email, WebSession.with("departmentId", String.valueOf(1 + i)));
            people.add(email);
        }
        as(pm).body(Map.of("asCircleMember", true, "emails", people))
                .post("/api/v1/programs/" + programId + "/enrollments").then().statusCode(200);
        long roundId = RoundLifecycleTest.start(pm, programId);
        assertEquals("SOLVED", RoundLifecycleTest.awaitSolved(pm, roundId).getString("solveState"));
        as(pm).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        List<Instant> stored = QuarkusTransaction.requiringNew().call(() -> RoundCircle.<RoundCircle>list(
                "round.id = ?1 order by meetingIndex", roundId).stream().map(c -> c.meetingAt).toList());
        assertEquals(2, stored.size());
        assertNotEquals(BERLIN.getRules().getOffset(stored.get(0)), BERLIN.getRules().getOffset(stored.get(1)),
                "the meetings straddle the clock change");

        WebSession me = new WebSession();
        me.login(people.get(0), WebSession.PASSWORD);
        String url = me.submit("/mentoring", "/mentoring/calendar-feed", Map.of()).then().statusCode(200).extract()
                .htmlPath().getString("**.find { it.@id == 'feed-url' }");
        assertTrue(url.matches("http.*/calendar/[A-Za-z0-9_-]{24}\\.ics"), url); // 144 bits, base64url
        String path = url.substring(url.indexOf("/calendar/"));

        // no session, no cookie: a calendar app
        Response feed = given().redirects().follow(false).get(path);
        assertEquals(200, feed.statusCode(), feed.asString());
        assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.asString()));
        List<Instant> starts = calendar.<VEvent>getComponents("VEVENT").stream()
                .map(e -> Instant.from(e.getDateTimeStart().getDate())).sorted().toList();
        assertEquals(stored, starts, "each meeting at the instant that was published");

        // the same meetings on the page and in the API, each with the offset of its own date in my zone
        JsonPath api = as(people.get(0)).get("/api/v1/me/matches").then().statusCode(200).extract().jsonPath();
        List<String> meets = api.getList("current[0].circles.meets.start");
        assertEquals(2, meets.size());
        for (int i = 0; i < 2; i++) {
            java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(meets.get(i));
            assertEquals(stored.get(i), at.toInstant());
            assertEquals(BERLIN.getRules().getOffset(stored.get(i)), at.getOffset());
        }

        // the download has them too
        Response download = me.get("/mentoring/calendar.ics");
        assertEquals(200, download.statusCode());
        assertTrue(download.contentType().startsWith("text/calendar"));
        assertTrue(download.header("Content-Disposition").contains("attachment"));
        assertEquals(2, new CalendarBuilder().build(new StringReader(download.asString())).getComponents("VEVENT").size());

        // a new link revokes the old one; wrong tokens are a plain 404
        String newUrl = me.submit("/mentoring", "/mentoring/calendar-feed", Map.of()).then().statusCode(200).extract()
                .htmlPath().getString("**.find { it.@id == 'feed-url' }");
        assertNotEquals(url, newUrl);
        Response revoked = given().redirects().follow(false).get(path);
        assertEquals(404, revoked.statusCode());
        assertFalse(revoked.asString().contains("BEGIN:VCALENDAR"));
        Response wrong = given().redirects().follow(false).get("/calendar/AAAAAAAAAAAAAAAAAAAAAAAA.ics");
        assertEquals(404, wrong.statusCode());
        assertEquals(revoked.asString().replace(path, ""), wrong.asString().replace(
                "/calendar/AAAAAAAAAAAAAAAAAAAAAAAA.ics", ""), "a revoked token looks like any wrong one");
        given().redirects().follow(false).get(newUrl.substring(newUrl.indexOf("/calendar/"))).then().statusCode(200);
    }

    @Test
    void makingALinkNeedsTheFormsCsrfToken() {
        String email = WebSession.uniqueEmail("feedcsrf");
        WebSession me = WebSession.signedUp(email, Map.of());
        Response forged = me.post("/mentoring/calendar-feed", Map.of());
        assertTrue(forged.statusCode() == 400 || forged.statusCode() == 403, "refused: " + forged.statusCode());
        assertTrue(me.page("/mentoring").select("#feed-url").isEmpty());
        assertFalse(me.page("/mentoring").text().contains("You made a subscription link"), "nothing was made");
        // anonymous: no page, no calendar
        given().redirects().follow(false).get("/mentoring/calendar.ics").then().statusCode(org.hamcrest.Matchers.not(200));
    }
}
