package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Download my data" holds the person's rounds (their matches and circles as published) and nothing
 * confidential to others: not the pairs a manager split, not why someone was left unmatched.
 */
@QuarkusTest
class DownloadMyDataIncludesRoundsTest {

    static Response export(String email) {
        WebSession session = new WebSession();
        session.login(email, WebSession.PASSWORD);
        Response response = session.get("/profile/export");
        assertEquals(200, response.statusCode());
        return response;
    }

    @Test
    void theExportHasThePublishedMatchesButNoSplitPairsOrOthersReasons() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("exportrounds", 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        // a manager splits one pair: a do-not-pair entry that is the programme team's, not the pair's
        Map<String, Object> split = solved.<Map<String, Object>>getList("pairs").get(0);
        String splitMentor = (String) split.get("mentorEmail");
        String splitMentee = (String) split.get("menteeEmail");
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/pairs/" + split.get("id") + "/unpair?version="
                + solved.getLong("version")).then().statusCode(200);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        Map<String, Object> kept = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract()
                .jsonPath().<Map<String, Object>>getList("pairs").get(0);

        JsonPath mentee = export((String) kept.get("menteeEmail")).jsonPath();
        assertEquals(1, mentee.getList("participation.rounds").size());
        assertEquals("PUBLISHED", mentee.getString("participation.rounds[0].status"));
        assertEquals(1, mentee.getInt("participation.rounds[0].round"));
        assertTrue(mentee.getBoolean("participation.rounds[0].asMentee"));
        assertEquals(kept.get("mentorEmail"), mentee.getString("participation.rounds[0].mentors[0].email"));
        assertFalse(mentee.getList("participation.rounds[0].mentors[0].why").isEmpty());
        assertFalse(io.bridgeway.matching.PlainWordsTest.hasSolverNumbers(mentee.prettify()), "as the mail words it");
        assertEquals(kept.get("menteeEmail"), mentee.getString("participation.rounds[0].factsUsed.email"));

        JsonPath mentorExport = export((String) kept.get("mentorEmail")).jsonPath();
        assertTrue(mentorExport.getList("participation.rounds[0].mentees.email").contains(kept.get("menteeEmail")));

        for (String who : List.of(splitMentor, splitMentee)) {
            String text = export(who).asString();
            String other = who.equals(splitMentor) ? splitMentee : splitMentor;
            assertFalse(text.contains(other), who + " sees nothing of the pair the manager split");
            assertFalse(text.contains("Unpaired"), "no reasons or exclusions: " + text);
            assertFalse(text.toLowerCase().contains("excluded"), text);
        }
        String unmatchedExport = export(splitMentee).asString();
        assertTrue(unmatchedExport.contains("\"mentors\":[]"), unmatchedExport);
        for (String someoneElse : c.mentees()) {
            if (!someoneElse.equals(kept.get("menteeEmail"))) {
                assertFalse(export((String) kept.get("menteeEmail")).asString().contains(someoneElse),
                        "no other participant's data");
            }
        }
    }

    @Test
    void theExportHasThePublishedCircles() {
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("exportcircle", 2, 3, 3,
                CircleRoundTest.members("exportcircle", 6));
        String pm = c.pm();
        List<String> people = c.people();
        long roundId = RoundLifecycleTest.start(pm, c.programId());
        assertEquals("SOLVED", RoundLifecycleTest.awaitSolved(pm, roundId).getString("solveState"));
        JsonPath draft = export(people.get(0)).jsonPath();
        assertEquals("DRAFT", draft.getString("participation.rounds[0].status"));
        assertTrue(draft.getList("participation.rounds[0].circles").isEmpty(), "a draft is not told yet");
        RoundLifecycleTest.as(pm).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);

        JsonPath published = export(people.get(0)).jsonPath();
        List<Map<String, Object>> circles = published.getList("participation.rounds[0].circles");
        assertEquals(2, circles.size(), "one circle per meeting");
        for (Map<String, Object> circle : circles) {
            assertEquals(2, ((List<?>) circle.get("with")).size(), "the two others of a circle of three");
            assertTrue(circle.get("meetsAt") != null, "everyone shares Monday 9-11 Berlin time");
        }
    }
}
