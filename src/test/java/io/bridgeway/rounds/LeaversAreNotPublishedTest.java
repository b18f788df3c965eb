package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.OutboxMessage;
import io.bridgeway.security.Role;
import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Someone who leaves the programme or is deactivated after a round's draft was made is never published: publishing
 * refuses and says how many left, "Solve again" drops them, and then no pair, circle or mail names them.
 */
@QuarkusTest
class LeaversAreNotPublishedTest {

    private static JsonPath round(String pm, long roundId) {
        return RoundLifecycleTest.as(pm).get("/api/v1/rounds/" + roundId).then().statusCode(200).extract().jsonPath();
    }

    /** Publishing is refused with the count of leavers, and nothing is published or queued. */
    private static void publishIsRefused(String pm, long roundId, String count) {
        Response refused = RoundLifecycleTest.as(pm).post("/api/v1/rounds/" + roundId + "/publish");
        assertEquals(400, refused.statusCode(), refused.asString());
        String error = refused.jsonPath().getString("error");
        assertTrue(error.contains(count + " left the programme or been deactivated") && error.contains("Solve again"),
                error);
        assertEquals("DRAFT", round(pm, roundId).getString("status"));
        assertEquals(List.of(), Mailboxes.ofRound(roundId), "no mail at all");
    }

    /**
     * The review page says so and offers no Publish button, and the confirm page (the way without JavaScript)
     * refuses before the manager confirms.
     */
    private static void reviewSaysSomeoneLeft(WebSession pm, long roundId) {
        Document page = pm.page("/rounds/" + roundId);
        assertTrue(page.select("form[action=/rounds/" + roundId + "/publish]").isEmpty(), "no Publish button");
        assertTrue(page.select("#leavers").text().startsWith("1 participant has left the programme"),
                page.select("#actions").text());
        Response confirm = pm.get("/rounds/" + roundId + "/publish");
        assertEquals(400, confirm.statusCode());
        assertTrue(Jsoup.parse(confirm.asString()).select(".error-summary").text()
                .contains("1 participant has left the programme or been deactivated"), confirm.asString());
    }

    /** The round's mail: none to the leaver, none naming them, one to each who stayed. */
    private static void noMailToOrAbout(long roundId, String email, String name, int stayed) {
        List<OutboxMessage> mail = Mailboxes.ofRound(roundId);
        assertEquals(stayed, mail.size());
        for (OutboxMessage message : mail) {
            assertFalse(message.recipient.equals(email), "no mail to the leaver");
            String all = message.textBody + message.htmlBody + message.ics;
            assertFalse(all.contains(email) || all.contains(name), "no mail about the leaver: " + message.textBody);
        }
    }

    @Test
    void aMenteeWhoWithdrawsAfterTheDraftIsNeitherPairedNorMailed() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("draftwithdraw", 2, 3);
        String name = "Draft Leaver " + UUID.randomUUID().toString().substring(0, 8);
        String leaver = DeletedAccountLeavesPublishedRoundsIntactTest.signUpNamed("draftleaver", name,
                WebSession.with("level", "2", "goals", "negotiation"));
        RoundLifecycleTest.enroll(c.pm(), c.programId(), List.of(leaver), "{\"asMentee\": true, \"emails\": %s}");
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath draft = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertTrue(draft.getList("pairs.menteeEmail").contains(leaver), draft.prettify());

        WithdrawnPersonDoesNotBreakNextRoundTest.withdraw(leaver, c.programId());

        WebSession pm = new WebSession();
        pm.login(c.pm(), WebSession.PASSWORD);
        reviewSaysSomeoneLeft(pm, roundId);
        publishIsRefused(c.pm(), roundId, "1 participant has");
        JsonPath solved = RoundLifecycleTest.solveAgain(c.pm(), roundId);
        assertFalse(pm.page("/rounds/" + roundId).select("form[action=/rounds/" + roundId + "/publish]").isEmpty(),
                "Publish is offered again once the leaver is dropped");
        assertFalse(solved.getList("pairs.menteeEmail").contains(leaver));
        assertFalse(solved.getList("unmatched.menteeEmail").contains(leaver));
        assertEquals(3, solved.getInt("mentees"));
        assertEquals(3, solved.getInt("matched"), "the others are all matched");
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        assertFalse(round(c.pm(), roundId).prettify().contains(leaver));
        noMailToOrAbout(roundId, leaver, name, 2 + 3);
    }

    @Test
    void aMentorDeactivatedAfterTheDraftIsNeitherPairedNorMailed() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("draftdeact", 2, 2);
        String name = "Draft Mentor " + UUID.randomUUID().toString().substring(0, 8);
        String leaver = DeletedAccountLeavesPublishedRoundsIntactTest.signUpNamed("draftmentor", name,
                WebSession.with("level", "6", "departmentId", "5", "skillName", List.of("negotiation"),
                        "skillLevel", List.of("3")));
        RoundLifecycleTest.enroll(c.pm(), c.programId(), List.of(leaver),
                "{\"asMentor\": true, \"mentorCapacity\": 2, \"emails\": %s}");
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);

        WebSession admin = WebSession.withRole("draftdeactadmin", Role.ADMIN);
        String page = "/admin/people/" + WebSession.idOf(leaver);
        assertEquals(303, admin.submit(page, page + "/deactivate", Map.of()).statusCode());

        publishIsRefused(c.pm(), roundId, "1 participant has");
        JsonPath solved = RoundLifecycleTest.solveAgain(c.pm(), roundId);
        assertFalse(solved.getList("pairs.mentorEmail").contains(leaver), solved.prettify());
        assertEquals(2, solved.getInt("matched"));
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        noMailToOrAbout(roundId, leaver, name, 2 + 2);
    }

    @Test
    void aCircleMemberWhoWithdrawsAfterTheDraftIsNotSeatedNorMailed() {
        List<String> people = new ArrayList<>(CircleRoundTest.members("draftcircle", 6));
        String name = "Circle Draft Leaver " + UUID.randomUUID().toString().substring(0, 8);
        String leaver = DeletedAccountLeavesPublishedRoundsIntactTest.signUpNamed("draftcircleleaver", name, Map.of());
        people.add(leaver);
        CircleRoundTest.CircleCohort c = CircleRoundTest.circleCohort("draftcircle", 1, 3, 4, people);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        assertEquals("SOLVED", RoundLifecycleTest.awaitSolved(c.pm(), roundId).getString("solveState"));

        WithdrawnPersonDoesNotBreakNextRoundTest.withdraw(leaver, c.programId());

        publishIsRefused(c.pm(), roundId, "1 participant has");
        JsonPath solved = RoundLifecycleTest.solveAgain(c.pm(), roundId);
        long leaverId = WebSession.idOf(leaver);
        List<Long> seated = solved.<List<?>>getList("circles.members").stream().flatMap(List::stream)
                .map(m -> ((Number) m).longValue()).toList();
        assertEquals(6, seated.size(), solved.prettify());
        assertFalse(seated.contains(leaverId));
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        noMailToOrAbout(roundId, leaver, name, 6);
    }
}
