package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review page keeps the manager's place, speaks in names, and asks before irreversible actions. */
@QuarkusTest
class ReviewPageTest {

    /** One mentor with two places and three mentees: one mentee is left over, because the mentor is full. */
    static RoundLifecycleTest.Cohort cohort;
    static long roundId;
    static WebSession pm;

    /** Made in the first test: RestAssured knows the random test port only once a test runs. */
    @BeforeEach
    void solvedRound() {
        if (pm != null) {
            return;
        }
        cohort = RoundLifecycleTest.cohort("review", 1, 3);
        QuarkusTransaction.requiringNew().run(() -> Person.findByEmail(cohort.mentors().get(0)).fullName = "Marta Mentor");
        roundId = RoundLifecycleTest.start(cohort.pm(), cohort.programId());
        RoundLifecycleTest.awaitSolved(cohort.pm(), roundId);
        WebSession session = new WebSession();
        session.login(cohort.pm(), WebSession.PASSWORD);
        pm = session;
    }

    private static Map<String, Object> placeAt(Document page, Element form) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.put("csrf-token", page.select("input[name=csrf-token]").attr("value"));
        return fields;
    }

    @Test
    void aPlainFormPostReturnsToTheSameSearchPageMeetingAndRow() {
        Document page = pm.page("/rounds/" + roundId + "?q=review&meeting=1");
        Element pin = page.selectFirst("table.pairs form[action$=/pin]");
        String pairId = pin.attr("action").replaceAll(".*/pairs/(\\d+)/pin", "$1");
        assertEquals("review", pin.selectFirst("input[name=q]").attr("value"), "the form carries the search");
        String before = pin.selectFirst("button").text();
        Response answer = pm.post(pin.attr("action"), placeAt(page, pin));
        assertEquals(303, answer.statusCode());
        assertTrue(answer.header("Location").endsWith("/rounds/" + roundId + "?q=review&meeting=1#pair-" + pairId),
                answer.header("Location"));
        Document after = pm.page("/rounds/" + roundId + "?q=review&meeting=1");
        assertEquals(before.equals("Pin") ? "Unpin" : "Pin",
                after.selectFirst("#pair-" + pairId + " form[action$=/pin] button").text(), "the pin was toggled");
    }

    @Test
    void htmxGetsTheChangedRowTheFiguresAndTheNewVersionNotAPage() {
        Document page = pm.page("/rounds/" + roundId + "?q=review");
        Element pin = page.selectFirst("table.pairs form[action$=/pin]");
        String pairId = pin.attr("action").replaceAll(".*/pairs/(\\d+)/pin", "$1");
        long version = Long.parseLong(pin.selectFirst("input[name=version]").attr("value"));
        Response answer = pm.request().header("HX-Request", "true").contentType("application/x-www-form-urlencoded")
                .formParams(placeAt(page, pin)).post(pin.attr("action"));
        assertEquals(200, answer.statusCode());
        String body = answer.asString();
        assertFalse(body.contains("<html"), "a fragment, not the page");
        Document fragment = Jsoup.parseBodyFragment("<table>" + body + "</table>");
        assertEquals(1, fragment.select("tr#pair-" + pairId).size(), "the pinned row, to swap in place");
        assertTrue(fragment.selectFirst("#live-flash").text().contains("inned"));
        assertEquals(String.valueOf(version + 1), fragment.selectFirst("input.round-version[hx-swap-oob]").attr("value"),
                "every form gets the round's new version");
        assertTrue(fragment.selectFirst("[hx-swap-oob='innerHTML:#progress']").text().contains("Matched mentees"),
                "the score line is redrawn");
        assertEquals("review", fragment.selectFirst("tr#pair-" + pairId + " input[name=q]").attr("value"),
                "the redrawn row keeps the search");
    }

    @Test
    void anHtmxUnpairRedrawsSupplyAndDemand() {
        // A round of its own: the other tests share one round and need its pairs.
        RoundLifecycleTest.Cohort own = RoundLifecycleTest.cohort("supply", 1, 3);
        long round = RoundLifecycleTest.start(own.pm(), own.programId());
        RoundLifecycleTest.awaitSolved(own.pm(), round);
        WebSession manager = new WebSession();
        manager.login(own.pm(), WebSession.PASSWORD);
        Document page = manager.page("/rounds/" + round);
        String before = page.selectFirst("#supply-box #capacity-summary").text();
        assertTrue(before.contains("without a mentor: negotiation (1)"), before);

        Element unpair = page.selectFirst("table.pairs form[action$=/unpair]");
        Response answer = manager.request().header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded").formParams(placeAt(page, unpair))
                .post(unpair.attr("action"));
        assertEquals(200, answer.statusCode());
        Document fragment = Jsoup.parseBodyFragment("<table>" + answer.asString() + "</table>");
        Element supply = fragment.selectFirst("[hx-swap-oob='innerHTML:#supply-box']");
        String redrawn = supply.selectFirst("#capacity-summary").text();
        assertTrue(redrawn.contains("without a mentor: negotiation (2)"), "the unpaired mentee now counts: " + redrawn);
        assertEquals(manager.page("/rounds/" + round).selectFirst("#supply-box #capacity-summary").text(), redrawn,
                "the same box as a reload shows");
    }

    @Test
    void unmatchedReasonsNameTheMentorAndTheSummarySaysWhatCanBeDone() {
        Document page = pm.page("/rounds/" + roundId);
        String reasons = page.select("#unmatched-section tbody td:eq(1)").text();
        assertTrue(reasons.contains("worth") && reasons.contains("with Marta Mentor"), reasons);
        assertFalse(reasons.matches(".*with \\d+.*"), "no database ids: " + reasons);
        String summary = page.selectFirst("#capacity-summary").text();
        assertTrue(summary.startsWith("3 mentees, 1 mentor with 2 places: 1 cannot be matched"), summary);
        assertTrue(summary.contains("most wanted by mentees without a mentor: negotiation ("), summary);
        assertTrue(page.selectFirst("details.solver-details").text().contains("Score"),
                "raw scores behind the solver details toggle");
    }

    @Test
    void publishDiscardAndUnpairAskFirstWithoutJavaScript() {
        Document page = pm.page("/rounds/" + roundId + "?q=review");
        Element publish = page.selectFirst("form[action=/rounds/" + roundId + "/publish]");
        assertEquals("get", publish.attr("method"), "without JavaScript the button opens a confirm page");
        assertTrue(publish.attr("hx-confirm").contains("e-mail"));

        Document confirm = pm.page("/rounds/" + roundId + "/publish?q=review");
        Element form = confirm.selectFirst("main form[method=post]");
        assertEquals("/rounds/" + roundId + "/publish", form.attr("action"));
        assertFalse(form.select("input[name=csrf-token]").attr("value").isEmpty());
        assertTrue(confirm.text().contains("Every participant gets an e-mail"));

        assertTrue(pm.page("/rounds/" + roundId + "/discard").selectFirst("main form[method=post]").attr("action")
                .endsWith("/discard"));

        Element unpair = page.selectFirst("table.pairs form[action$=/unpair]");
        Document ask = pm.page(unpair.attr("action") + "?q=review");
        assertTrue(ask.selectFirst("h1").text().startsWith("Unpair Marta Mentor and "), ask.selectFirst("h1").text());
        Element confirmUnpair = ask.selectFirst("main form[method=post]");
        Response done = pm.post(confirmUnpair.attr("action"), placeAt(ask, confirmUnpair));
        assertEquals(303, done.statusCode());
        assertTrue(done.header("Location").endsWith("?q=review#pairs"), done.header("Location"));

        assertEquals(404, pm.get("/rounds/" + roundId + "/pairs/999999/unpair").statusCode());
    }

    @Test
    void aPinThatIsNotTrueOrFalseIsRefusedAndLeavesThePinAsItWas() {
        io.restassured.path.json.JsonPath round = RoundLifecycleTest.as(cohort.pm()).get("/api/v1/rounds/" + roundId)
                .then().statusCode(200).extract().jsonPath();
        long pairId = round.getLong("pairs[0].id");
        boolean pinned = round.getBoolean("pairs[0].pinned");
        long version = round.getLong("version");
        String pin = "/api/v1/rounds/" + roundId + "/pairs/" + pairId + "/pin?version=" + version;
        for (String odd : java.util.List.of("&pinned=1", "&pinned=yes", "&pinned=", "")) {
            Response refused = RoundLifecycleTest.as(cohort.pm()).post(pin + odd);
            assertEquals(400, refused.statusCode(), odd + ": " + refused.asString());
            assertEquals("pinned", refused.path("field"), odd);
        }
        io.restassured.path.json.JsonPath after = RoundLifecycleTest.as(cohort.pm()).get("/api/v1/rounds/" + roundId)
                .then().extract().jsonPath();
        assertEquals(pinned, after.getBoolean("pairs[0].pinned"), "the pin is unchanged");
        assertEquals(version, after.getLong("version"), "nothing was saved");
        RoundLifecycleTest.as(cohort.pm()).post(pin + "&pinned=" + (pinned ? "FALSE" : "True")).then().statusCode(200);
    }

    @Test
    void aCircleNumberPastTheIntRangeIsRefusedNotWrappedRound() {
        Document page = pm.page("/rounds/" + roundId);
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("csrf-token", page.select("input[name=csrf-token]").attr("value"));
        fields.put("personEmail", cohort.mentees().get(0));
        fields.put("meeting", "0");
        fields.put("version", page.select("input[name=version]").attr("value"));
        for (String circle : java.util.List.of("4294967297", "-1", "99999999999999999999")) {
            fields.put("circle", circle);
            Response refused = pm.post("/rounds/" + roundId + "/circles/move", fields);
            assertEquals(400, refused.statusCode(), circle);
            assertTrue(refused.asString().contains("Enter the number of the circle"), circle + ": "
                    + Jsoup.parse(refused.asString()).select("main").text());
        }
    }
}
