package io.bridgeway.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A person answers their own due survey; bad answers are shown back with per-field errors; others see nothing. */
@QuarkusTest
class SurveyAnswerTest {

    private static final String SECRET = "Confidential remark 7f3a: rather not again";

    @Test
    void answeringSurveysIsValidatedOwnOnlyAndConfidential() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("survey", 1, 1);
        String mentor = c.mentors().get(0);
        String mentee = c.mentees().get(0);
        long roundId = FeedbackFixtures.solveAndPublish(c);
        FeedbackFixtures.Row menteeSurvey = FeedbackFixtures.survey(roundId, mentee, mentor);
        FeedbackFixtures.Row mentorSurvey = FeedbackFixtures.survey(roundId, mentor, mentee);
        assertEquals(2, FeedbackFixtures.surveys(roundId).size(), "one survey per side of the pair");

        WebSession me = FeedbackFixtures.signIn(mentee);
        assertFalse(me.get("/surveys").asString().contains("/surveys/" + menteeSurvey.id()), "not due yet");
        assertEquals(404, me.get("/surveys/" + menteeSurvey.id()).statusCode(), "not due yet");

        FeedbackFixtures.makeDue(roundId);
        Document list = me.page("/surveys");
        assertEquals(1, list.select("#pending-surveys a").size(), list.html());
        assertTrue(list.select("#pending-surveys a").text().contains("Test Person"));
        String page = "/surveys/" + menteeSurvey.id();

        // bad input: the form comes back with a message at each wrong field, and nothing is saved
        for (String rating : List.of("0", "6", "abc", "")) {
            Response bad = me.submit(page, page, Map.of("met", "yes", "rating", rating, "wouldContinue", "no"));
            assertEquals(400, bad.statusCode(), "rating " + rating);
            Document form = Jsoup.parse(bad.asString());
            assertTrue(form.select("#rating-error").text().contains("from 1 to 5"), form.html());
            assertTrue(form.select("#met-error").isEmpty());
            assertEquals("yes", form.select("input[name=met][checked]").val(), "the answers are shown back as given");
        }
        Response missing = me.submit(page, page, Map.of("rating", "3", "comment", "x".repeat(2001)));
        assertEquals(400, missing.statusCode());
        Document form = Jsoup.parse(missing.asString());
        assertFalse(form.select("#met-error").isEmpty());
        assertFalse(form.select("#wouldContinue-error").isEmpty());
        assertTrue(form.select("#comment-error").text().contains("2000"));
        assertTrue(form.select("#rating-error").isEmpty());
        assertEquals(3, form.select(".error-summary li").size());
        assertNull(FeedbackFixtures.survey(roundId, mentee, mentor).answeredAt(), "nothing saved");

        // without the CSRF token the post is refused before anything runs
        Map<String, Object> answers = new HashMap<>(Map.of("met", "no", "rating", "1", "comment", SECRET,
                "wouldContinue", "no"));
        assertEquals(400, me.post(page, answers).statusCode());
        assertNull(FeedbackFixtures.survey(roundId, mentee, mentor).answeredAt());

        // someone else's survey does not exist for me
        String theirs = "/surveys/" + mentorSurvey.id();
        assertEquals(404, me.get(theirs).statusCode());
        assertEquals(404, me.submit(page, theirs, answers).statusCode());
        assertNull(FeedbackFixtures.survey(roundId, mentor, mentee).answeredAt());

        Response saved = me.submit(page, page, answers);
        assertEquals(303, saved.statusCode(), saved.asString());
        FeedbackFixtures.Row row = FeedbackFixtures.survey(roundId, mentee, mentor);
        assertEquals(1, row.rating());
        assertEquals(SECRET, row.comment());
        assertEquals(false, row.met());
        assertEquals(false, row.wouldContinue());
        assertTrue(me.page("/surveys").select("#pending-surveys").isEmpty(), "answered: no longer pending");
        assertEquals(404, me.get(page).statusCode(), "answered once");
        assertTrue(me.get("/profile/export").asString().contains(SECRET), "my own answers are in my data");

        // the partner never sees the rating or the comment, on any page or in the API
        WebSession partner = FeedbackFixtures.signIn(mentor);
        for (String path : List.of("/", "/surveys", "/surveys/" + mentorSurvey.id(), "/profile", "/profile/export",
                "/programs", "/programs/" + c.programId(), "/rounds/" + roundId)) {
            String body = partner.get(path).asString();
            assertFalse(body.contains(SECRET), path);
            assertFalse(body.contains("\"rating\":1"), path);
        }
        String api = RoundLifecycleTest.as(mentor).get("/api/v1/me").then().statusCode(200).extract().asString();
        assertFalse(api.contains(SECRET));
        assertFalse(api.contains("rating"));

        // the manager sees who says they never met, and nothing of what they wrote
        WebSession manager = FeedbackFixtures.signIn(c.pm());
        String programme = manager.get("/programs/" + c.programId()).asString();
        Document detail = Jsoup.parse(programme);
        assertTrue(detail.select("#never-met-list").text().contains(mentee), detail.select("#never-met-list").text());
        assertFalse(programme.contains(SECRET));
        assertFalse(manager.get("/rounds/" + roundId).asString().contains(SECRET));
    }
}
