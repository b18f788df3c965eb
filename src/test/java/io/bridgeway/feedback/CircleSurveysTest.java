package io.bridgeway.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.rounds.CircleRoundTest;
import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Circle members get one survey per meeting, due once that meeting is over. */
@QuarkusTest
class CircleSurveysTest {

    @Inject
    Surveys surveys;

    @Test
    void eachMeetingBringsItsSurveyAfterItsDate() {
        List<String> people = CircleRoundTest.members("circlesurvey", 4);
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("circlesurvey", 2, 2, 4, people);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200)
                .body("publishedNow", Matchers.equalTo(true));
        assertEquals(8, FeedbackFixtures.surveys(roundId).size(), "4 members x 2 meetings");

        long someone = WebSession.idOf(people.get(0));
        Instant now = Instant.now();
        assertTrue(surveys.pendingFor(someone, now).isEmpty(), "no meeting has taken place yet");
        // meetings start 2 weeks ahead, every 4 weeks
        List<Surveys.Pending> afterFirst = surveys.pendingFor(someone, now.plus(Duration.ofDays(21)));
        assertEquals(1, afterFirst.size());
        assertTrue(afterFirst.get(0).about().startsWith("Circle 1"), afterFirst.get(0).about());
        assertEquals(2, surveys.pendingFor(someone, now.plus(Duration.ofDays(49))).size());
    }
}
