package io.bridgeway.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** An employee pauses a programme until a date (rounds before it skip them, then they are back) or leaves it. */
@QuarkusTest
class PauseAndLeaveTest {

    private static LocalDate pausedUntil(String email, int programId) {
        return QuarkusTransaction.requiringNew().call(() -> enrollment(email, programId).pausedUntil);
    }

    private static Enrollment enrollment(String email, int programId) {
        return Enrollment.find("program.id = ?1 and person.email = ?2", (long) programId, email).firstResult();
    }

    private static WebSession signedIn(String email) {
        WebSession session = new WebSession();
        session.login(email, WebSession.PASSWORD);
        return session;
    }

    private static Response pause(WebSession session, int programId, String date) {
        return session.submit("/programs/" + programId, "/programs/" + programId + "/pause",
                Map.of("pausedUntil", date));
    }

    private static List<String> menteesOf(String pm, long roundId) {
        return QuarkusTransaction.requiringNew().call(() -> io.bridgeway.rounds.RoundParticipant
                .<io.bridgeway.rounds.RoundParticipant>list("round.id = ?1 and asMentee = true", roundId).stream()
                .map(p -> p.person.email).toList());
    }

    @Test
    void aPausedMenteeIsSkippedByTheNextRoundAndIsBackAfterTheDate() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("pause", 2, 3);
        String resting = c.mentees().get(0);
        WebSession session = signedIn(resting);
        LocalDate back = LocalDate.now().plusWeeks(3);

        assertEquals(303, pause(session, c.programId(), back.toString()).statusCode());
        assertEquals(back, pausedUntil(resting, c.programId()));
        Document page = session.page("/programs/" + c.programId());
        assertTrue(page.select("#paused").text().contains(back.toString()), page.select("#my-enrollment").text());

        long first = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), first);
        assertEquals(2, solved.getInt("mentees"), "the paused mentee sits this round out");
        assertFalse(menteesOf(c.pm(), first).contains(resting));
        assertFalse(solved.getList("pairs.menteeEmail").contains(resting));
        assertFalse(solved.getList("unmatched.menteeEmail").contains(resting), "not shown as left unmatched either");
        // the manager sees why they are missing
        Document programPage = signedIn(c.pm()).page("/programs/" + c.programId());
        assertTrue(programPage.select("#participant-list").text().contains("paused until " + back),
                programPage.select("#participant-list").text());
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + first + "/publish").then().statusCode(200);

        // the date arrives: nobody has to do anything
        QuarkusTransaction.requiringNew().run(() -> enrollment(resting, c.programId()).pausedUntil = LocalDate.now());
        assertTrue(signedIn(resting).page("/programs/" + c.programId()).select("#paused").isEmpty());
        long second = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath next = RoundLifecycleTest.awaitSolved(c.pm(), second);
        assertEquals(3, next.getInt("mentees"));
        assertTrue(menteesOf(c.pm(), second).contains(resting), "back in the round after the pause");
    }

    @Test
    void resumingEndsThePauseAtOnce() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("resume", 1, 1);
        String mentee = c.mentees().get(0);
        WebSession session = signedIn(mentee);
        assertEquals(303, pause(session, c.programId(), LocalDate.now().plusDays(10).toString()).statusCode());
        assertNotNull(pausedUntil(mentee, c.programId()));

        assertEquals(303, session.submit("/programs/" + c.programId(), "/programs/" + c.programId() + "/resume",
                Map.of()).statusCode());
        assertNull(pausedUntil(mentee, c.programId()));
        long round = RoundLifecycleTest.start(c.pm(), c.programId());
        assertEquals(1, RoundLifecycleTest.awaitSolved(c.pm(), round).getInt("mentees"));
    }

    @Test
    void aBadPauseDateIsRefusedNextToTheFieldAndNothingIsSaved() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("badpause", 1, 1);
        String mentee = c.mentees().get(0);
        WebSession session = signedIn(mentee);
        Map<String, String> cases = Map.of(
                "yesterday", LocalDate.now().minusDays(1).toString(),
                "today", LocalDate.now().toString(),
                "garbage", "next tuesday",
                "empty", "",
                "markup", "<script>x</script>",
                "two years", LocalDate.now().plusYears(2).toString());
        cases.forEach((name, date) -> {
            Response response = pause(session, c.programId(), date);
            assertEquals(400, response.statusCode(), name);
            Document page = Jsoup.parse(response.asString());
            assertFalse(page.select("#pausedUntil-error").text().isEmpty(), name + ": a message next to the field");
            assertEquals(date, page.select("input#pausedUntil").attr("value"), name + ": shown back as typed");
            assertTrue(page.select("form[action$=/enroll] input[name=asMentee]").hasAttr("checked"),
                    name + ": the enrollment form still shows the saved roles");
            assertNull(pausedUntil(mentee, c.programId()), name + ": nothing saved");
        });
        // the token is required
        assertEquals(400, session.post("/programs/" + c.programId() + "/pause",
                Map.of("pausedUntil", LocalDate.now().plusDays(3).toString())).statusCode());
        assertNull(pausedUntil(mentee, c.programId()));
    }

    @Test
    void someoneNotEnrolledCannotPause() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("strangerpause", 1, 1);
        String stranger = WebSession.uniqueEmail("stranger");
        WebSession session = WebSession.signedUp(stranger, Map.of());
        // the page offers no pause form to someone not enrolled, so post with a token from the page
        String token = session.page("/programs/" + c.programId()).select("input[name=csrf-token]").attr("value");
        Response response = session.post("/programs/" + c.programId() + "/pause",
                Map.of("pausedUntil", LocalDate.now().plusDays(3).toString(), "csrf-token", token));
        assertEquals(400, response.statusCode());
        assertTrue(Jsoup.parse(response.asString()).text().contains("not enrolled"));
        assertEquals(404, session.post("/programs/" + c.programId() + "/resume", Map.of("csrf-token", token))
                .statusCode());
    }

    @Test
    void leavingEndsTheEnrollmentAndTheNextRoundLeavesThePersonOut() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("leave", 1, 2);
        String leaver = c.mentees().get(0);
        WebSession session = signedIn(leaver);
        assertEquals(303, pause(session, c.programId(), LocalDate.now().plusDays(5).toString()).statusCode());

        assertEquals(303, session.submit("/programs/" + c.programId(), "/programs/" + c.programId() + "/withdraw",
                Map.of()).statusCode());
        assertNull(QuarkusTransaction.requiringNew().call(() -> enrollment(leaver, c.programId())), "enrollment ended");
        Document page = session.page("/programs/" + c.programId());
        assertEquals("Take part", page.select("#my-enrollment").text());
        assertTrue(page.select("form[action$=/pause]").isEmpty(), "nothing left to pause");

        long round = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), round);
        assertEquals(1, solved.getInt("mentees"));
        assertFalse(menteesOf(c.pm(), round).contains(leaver));
    }
}
