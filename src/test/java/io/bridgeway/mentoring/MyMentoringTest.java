package io.bridgeway.mentoring;

import static io.bridgeway.rounds.RoundLifecycleTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.PlainWordsTest;
import io.bridgeway.rounds.DeletedAccountLeavesPublishedRoundsIntactTest;
import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * "My mentoring", its home summary, /api/v1/me/matches and the data export: a matched mentee sees their mentor
 * once the round is published, in plain words; nobody sees a draft, and nobody sees matches they are not in.
 */
@QuarkusTest
class MyMentoringTest {

    @Test
    void aMenteeSeesTheirMentorOnlyOncePublishedAndOthersSeeNothing() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("mine", 1, 2);
        String mentee = c.mentees().get(0);
        String otherMentee = c.mentees().get(1);
        String mentor = c.mentors().get(0);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        assertEquals("SOLVED", RoundLifecycleTest.awaitSolved(c.pm(), roundId).getString("solveState"));

        // a draft is the managers' business: nothing on the page, in the API or in the export yet
        WebSession menteeSession = new WebSession();
        menteeSession.login(mentee, WebSession.PASSWORD);
        Document draft = menteeSession.page("/mentoring");
        assertFalse(draft.select("#no-matches").isEmpty(), draft.text());
        assertFalse(draft.text().contains(mentor));
        JsonPath draftApi = as(mentee).get("/api/v1/me/matches").then().statusCode(200).extract().jsonPath();
        assertTrue(draftApi.getList("current").isEmpty() && draftApi.getList("past").isEmpty(), draftApi.prettify());

        as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);

        Document page = menteeSession.page("/mentoring");
        assertEquals(1, page.select("#current .match.pair").size(), page.text());
        assertEquals("mentor", page.select("#current .match.pair h4").text().replaceAll("Your (\\w+):.*", "$1"));
        assertTrue(page.select(".partner").text().contains("Test Person"));
        assertTrue(page.select(".colleague a[href^=mailto:]").text().contains(mentor));
        assertTrue(page.select(".colleague").text().contains("Their local time"), page.text());
        assertTrue(page.select(".meeting time").attr("datetime").matches(".*T.*[+-]\\d\\d:\\d\\d"),
                "the kick-off in the viewer's zone: " + page.select(".meeting").text());
        List<String> why = page.select("ul.why li").eachText();
        assertTrue(why.contains("Shares 1 of the mentee's goals: negotiation"), why.toString());
        assertFalse(PlainWordsTest.hasSolverNumbers(page.select("main").text()), page.select("main").text());
        assertFalse(page.text().contains(otherMentee), "the mentor's other mentee is not mine to see");
        assertFalse(page.select("a[href=/mentoring]").isEmpty(), "linked in the navigation");

        Document home = menteeSession.page("/");
        assertTrue(home.select("#my-mentoring-summary").text().contains("your mentor is Test Person"),
                home.select("#my-mentoring-summary").text());

        JsonPath api = as(mentee).get("/api/v1/me/matches").then().statusCode(200).extract().jsonPath();
        assertEquals("Europe/Berlin", api.getString("zone"));
        assertEquals(1, api.getList("current").size());
        assertEquals(roundId, api.getLong("current[0].roundId"));
        assertEquals(c.programId(), api.getInt("current[0].programId"));
        assertEquals("mentor", api.getString("current[0].pairs[0].partnerRole"));
        assertEquals(mentor, api.getString("current[0].pairs[0].partner.email"));
        assertEquals("Europe/Berlin", api.getString("current[0].pairs[0].partner.timeZone"));
        OffsetDateTime kickoff = OffsetDateTime.parse(api.getString("current[0].pairs[0].kickoff.start"));
        assertEquals(java.time.ZoneId.of("Europe/Berlin").getRules().getOffset(kickoff.toInstant()), kickoff.getOffset());
        assertEquals(9, kickoff.getHour(), "MON-09 Berlin is the first hour both marked free");
        assertFalse(PlainWordsTest.hasSolverNumbers(api.prettify()), api.prettify());
        assertFalse(api.prettify().contains(otherMentee));

        // the mentor sees both mentees
        JsonPath mentorApi = as(mentor).get("/api/v1/me/matches").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("mentee", "mentee"), mentorApi.getList("current[0].pairs.partnerRole"));

        // someone outside the round sees nothing of it, on the page, the API and the home page
        String outsider = WebSession.uniqueEmail("outsider");
        WebSession outsiderSession = WebSession.signedUp(outsider, Map.of());
        assertFalse(outsiderSession.page("/mentoring").select("#no-matches").isEmpty());
        assertFalse(outsiderSession.get("/mentoring").asString().contains(mentor));
        assertFalse(outsiderSession.get("/").asString().contains(mentor));
        String outsiderApi = as(outsider).get("/api/v1/me/matches").then().statusCode(200).extract().asString();
        assertFalse(outsiderApi.contains(mentor) || outsiderApi.contains(mentee), outsiderApi);

        // "Download my data" has the matches too
        JsonPath export = menteeSession.get("/profile/export").then().statusCode(200).extract().jsonPath();
        assertEquals(mentor, export.getString("participation.matches.current[0].pairs[0].partner.email"));
        assertNotNull(export.get("participation.enrollments"));

        // a second published round moves the first to "past"
        long second = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), second);
        as(c.pm()).post("/api/v1/rounds/" + second + "/publish").then().statusCode(200);
        JsonPath later = as(mentee).get("/api/v1/me/matches").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(2), later.getList("current.round"));
        assertEquals(List.of(1), later.getList("past.round"));
        assertEquals(1, menteeSession.page("/mentoring").select("#past .round-matches").size());
    }

    @Test
    void aFormerEmployeeMentorLeavesAPlaceWithoutNameOrContact() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("minegone", 1, 1);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        String mentor = c.mentors().get(0);
        WebSession mentorSession = new WebSession();
        mentorSession.login(mentor, WebSession.PASSWORD);
        mentorSession.submit("/mentoring", "/mentoring/calendar-feed", Map.of()).then().statusCode(200);
        DeletedAccountLeavesPublishedRoundsIntactTest.deleteAccount(mentor); // their feed link goes with them

        String mentee = c.mentees().get(0);
        JsonPath api = as(mentee).get("/api/v1/me/matches").then().statusCode(200).extract().jsonPath();
        assertEquals("Former employee", api.getString("current[0].pairs[0].partner.name"));
        assertTrue(api.getBoolean("current[0].pairs[0].partner.former"));
        assertNull(api.getString("current[0].pairs[0].partner.email"));
        assertNull(api.getString("current[0].pairs[0].kickoff"), "no kick-off with someone who left");
        WebSession session = new WebSession();
        session.login(mentee, WebSession.PASSWORD);
        Document page = session.page("/mentoring");
        assertTrue(page.select("#current .match.pair").text().contains("No longer with the company"), page.text());
        assertFalse(page.html().contains(mentor));
        assertEquals(200, session.get("/mentoring/calendar.ics").statusCode());
    }

    @Test
    void programmesApiIsPagedAndRoundsAreForManagers() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("progapi", 1, 1);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);

        JsonPath page = as(c.mentees().get(0)).get("/api/v1/programs?page=0&size=1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, page.getList("programs").size());
        assertEquals(0, page.getInt("page.page"));
        assertEquals(1, page.getInt("page.size"));
        assertTrue(page.getLong("page.total") >= 1);
        assertEquals(page.getLong("page.total"), page.getInt("page.pageCount"));
        JsonPath all = as(c.pm()).get("/api/v1/programs?size=500").then().statusCode(200).extract().jsonPath();
        assertTrue(all.getList("programs.id").contains(c.programId()));
        as(c.pm()).get("/api/v1/programs?page=x").then().statusCode(400);

        JsonPath rounds = as(c.pm()).get("/api/v1/programs/" + c.programId() + "/rounds").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(c.programId(), rounds.getInt("programId"));
        assertEquals(List.of((int) roundId), rounds.getList("rounds.id"));
        assertEquals("DRAFT", rounds.getString("rounds[0].status"));
        as(c.pm()).get("/api/v1/programs/99999999/rounds").then().statusCode(404);
        as(c.mentees().get(0)).get("/api/v1/programs/" + c.programId() + "/rounds").then().statusCode(403);
    }
}
