package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Publishing mails everyone and discarding loses every edit, so both refuse (409) when another manager changed the
 * draft after this one's page showed it; the round then stays a draft and nobody is mailed.
 */
@QuarkusTest
class PublishSeesTheDraftItConfirmsTest {

    /** {@code shown}: the version A's review page showed, before B's change. */
    private record Draft(String pm, long roundId, long shown, WebSession page) {

        String review() {
            return "/rounds/" + roundId;
        }
    }

    /** A solved draft open on manager A's review page, then changed by manager B through the API (a pin). */
    private static Draft changedAfterItWasShown(String prefix) {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort(prefix, 2, 2);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        WebSession a = new WebSession();
        a.login(c.pm(), WebSession.PASSWORD);
        Document page = a.page("/rounds/" + roundId); // what A confirms is the draft as of this page's version
        long shown = Long.parseLong(page.select("form[action=/rounds/" + roundId + "/publish] input[name=version]").val());
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/pairs/" + solved.getLong("pairs[0].id")
                + "/pin?pinned=true&version=" + shown).then().statusCode(200);
        return new Draft(c.pm(), roundId, shown, a);
    }

    private static void stillADraftAndNobodyMailed(Draft draft) {
        RoundLifecycleTest.as(draft.pm()).get("/api/v1/rounds/" + draft.roundId()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
        assertEquals(List.of(), Mailboxes.ofRound(draft.roundId()));
    }

    private static void isStale(Response response) {
        assertEquals(409, response.statusCode(), response.asString());
        assertTrue(Jsoup.parse(response.asString()).select(".error-summary").text().contains("since you opened it"),
                response.asString());
    }

    @Test
    void publishingFromAPageThatMissedAnotherManagersEditIsRefused() {
        Draft draft = changedAfterItWasShown("stalepublish");
        // A's publish form (htmx, or the confirm page's without JavaScript) carries the version A's page showed
        isStale(draft.page().submit(draft.review(), draft.review() + "/publish", Map.of("version", draft.shown())));
        isStale(draft.page().get(draft.review() + "/publish?version=" + draft.shown()));
        stillADraftAndNobodyMailed(draft);

        // with the version the page shows now, the confirm page asks and publishing goes through
        String current = draft.page().page(draft.review()).select("input.round-version").first().val();
        assertEquals(200, draft.page().get(draft.review() + "/publish?version=" + current).statusCode());
        assertEquals(303, draft.page().submit(draft.review(), draft.review() + "/publish", Map.of("version", current))
                .statusCode());
        RoundLifecycleTest.as(draft.pm()).get("/api/v1/rounds/" + draft.roundId()).then()
                .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
    }

    @Test
    void discardingFromAPageThatMissedAnotherManagersEditIsRefused() {
        Draft draft = changedAfterItWasShown("stalediscard");
        isStale(draft.page().submit(draft.review(), draft.review() + "/discard", Map.of("version", draft.shown())));
        isStale(draft.page().get(draft.review() + "/discard?version=" + draft.shown()));
        stillADraftAndNobodyMailed(draft);
    }

    @Test
    void theApiChecksAVersionWhenItIsGiven() {
        Draft draft = changedAfterItWasShown("staleapi");
        String round = "/api/v1/rounds/" + draft.roundId();
        Response bad = RoundLifecycleTest.as(draft.pm()).post(round + "/publish?version=x1");
        assertEquals(400, bad.statusCode(), bad.asString());
        assertTrue(bad.jsonPath().getString("error").contains("version must be a whole number"), bad.asString());
        assertEquals(409, RoundLifecycleTest.as(draft.pm()).post(round + "/discard?version=" + draft.shown()).statusCode());
        assertEquals(409, RoundLifecycleTest.as(draft.pm()).post(round + "/publish?version=" + draft.shown()).statusCode());
        stillADraftAndNobodyMailed(draft);
        long current = RoundLifecycleTest.as(draft.pm()).get(round).jsonPath().getLong("version");
        RoundLifecycleTest.as(draft.pm()).post(round + "/publish?version=" + current)
                .then().statusCode(200).body("publishedNow", org.hamcrest.Matchers.equalTo(true));
    }
}
