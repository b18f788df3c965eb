package io.bridgeway.feedback;

import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.rounds.RoundPair;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;

/** Published rounds and their surveys for the feedback tests. */
final class FeedbackFixtures {

    private FeedbackFixtures() {
    }

    /** A survey as the tests read it back from the database. */
    record Row(long id, String person, String partner, Integer rating, String comment, Boolean met,
            Boolean wouldContinue, Instant answeredAt, Instant remindedAt) {
    }

    record Pair(String mentor, String mentee) {
    }

    /** Starts a round of the cohort's programme, waits for the solve and publishes it; returns the round id. */
    static long solveAndPublish(RoundLifecycleTest.Cohort c) {
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200)
                .body("publishedNow", Matchers.equalTo(true));
        return roundId;
    }

    static List<Row> surveys(long roundId) {
        return QuarkusTransaction.requiringNew().call(() -> Survey.<Survey>list("round.id = ?1 order by id", roundId)
                .stream().map(s -> new Row(s.id, s.person.email, s.partner == null ? null : s.partner.email, s.rating,
                        s.comment, s.met, s.wouldContinue, s.answeredAt, s.remindedAt))
                .toList());
    }

    static Row survey(long roundId, String person, String partner) {
        return surveys(roundId).stream().filter(s -> s.person().equals(person) && partner.equals(s.partner()))
                .findFirst().orElseThrow(() -> new AssertionError("no survey of " + person + " about " + partner));
    }

    static List<Pair> pairs(long roundId) {
        return QuarkusTransaction.requiringNew().call(() -> RoundPair.<RoundPair>list("round.id = ?1", roundId).stream()
                .map(p -> new Pair(p.mentor.email, p.mentee.email)).toList());
    }

    /** Moves the round's surveys into the past: they are due now. */
    static void makeDue(long roundId) {
        QuarkusTransaction.requiringNew().run(() -> Survey.update("dueAt = ?1 where round.id = ?2",
                Instant.now().minusSeconds(60), roundId));
    }

    /** Stores an answer as the form would, without the web layer. */
    static void answer(long surveyId, boolean met, int rating, boolean wouldContinue) {
        QuarkusTransaction.requiringNew().run(() -> {
            Survey s = Survey.findById(surveyId);
            s.met = met;
            s.rating = rating;
            s.wouldContinue = wouldContinue;
            s.answeredAt = Instant.now();
        });
    }

    static WebSession signIn(String email) {
        WebSession session = new WebSession();
        session.login(email, WebSession.PASSWORD);
        return session;
    }
}
