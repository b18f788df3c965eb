package io.bridgeway.people;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The confidential do-not-pair list: entered by its owner, enforced by pairing, seen by nobody else. */
@QuarkusTest
class DoNotPairTest {

    private static final String PAGE = "/profile/do-not-pair";

    private static Response add(WebSession owner, String email) {
        return owner.submit(PAGE, PAGE, Map.of("email", email));
    }

    private static long lines(String ownerEmail) {
        return QuarkusTransaction.requiringNew().call(() -> DoNotPairEntry.count("owner.email", ownerEmail));
    }

    private static long linesNaming(long personId) {
        return QuarkusTransaction.requiringNew().call(
                () -> DoNotPairEntry.count("owner.id = ?1 or colleague.id = ?1", personId));
    }

    private static WebSession signedIn(String email) {
        WebSession session = new WebSession();
        session.login(email, WebSession.PASSWORD);
        return session;
    }

    private static String fieldError(Response response) {
        return Jsoup.parse(response.asString()).select("#email-error").text();
    }

    @Test
    void theOwnerAddsColleaguesByEmailAndEachBadEntryIsRefusedNextToTheField() {
        String ownerEmail = WebSession.uniqueEmail("dnpowner");
        WebSession owner = WebSession.signedUp(ownerEmail, Map.of());
        String colleague = WebSession.uniqueEmail("dnpcolleague");
        WebSession.signedUp(colleague, WebSession.with("fullName", "Cora Colleague"));
        assertFalse(owner.page(PAGE).select("#do-not-pair-empty").isEmpty());

        Response garbage = add(owner, "not an email");
        assertEquals(400, garbage.statusCode());
        assertTrue(fieldError(garbage).contains("Colleague's email"), fieldError(garbage));
        Response unknown = add(owner, WebSession.uniqueEmail("nobody"));
        assertEquals(400, unknown.statusCode());
        assertTrue(fieldError(unknown).startsWith("Error: No colleague can be added with this address"),
                fieldError(unknown));
        Response self = add(owner, ownerEmail.toUpperCase());
        assertEquals(400, self.statusCode());
        assertTrue(fieldError(self).contains("your own email"), fieldError(self));
        assertEquals("<b>x</b>@example.com", Jsoup.parse(add(owner, "<b>x</b>@example.com").asString())
                .select("input#email").attr("value"), "shown back as typed, escaped");
        assertEquals(0, lines(ownerEmail), "nothing saved");

        assertEquals(303, add(owner, "  " + colleague.toUpperCase() + " ").statusCode());
        assertEquals(303, add(owner, colleague).statusCode(), "a duplicate is ignored");
        assertEquals(1, lines(ownerEmail));
        Document page = owner.page(PAGE);
        assertTrue(page.select("#do-not-pair-list").text().contains("Cora Colleague (" + colleague + ")"));
        assertTrue(page.select(".flash").text().contains("already on your list"), page.select(".flash").text());

        // without the CSRF token nothing happens
        assertEquals(400, owner.post(PAGE, Map.of("email", WebSession.uniqueEmail("x"))).statusCode());

        // only the owner can remove a line: the colleague's (valid) token does not reach someone else's list
        String entryAction = page.select("#do-not-pair-list form").attr("action");
        WebSession other = signedIn(colleague);
        String token = other.page(PAGE).select("input[name=csrf-token]").attr("value");
        assertEquals(404, other.post(entryAction, Map.of("csrf-token", token)).statusCode());
        assertEquals(1, lines(ownerEmail));
        assertEquals(303, owner.submit(PAGE, entryAction, Map.of()).statusCode());
        assertEquals(0, lines(ownerEmail));
    }

    @Test
    void pairsAmongGivesEachListedPairOnceWhoeverListedWhomAndOnlyAmongThePeopleAsked() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            emails.add(WebSession.uniqueEmail("dnppairs" + i));
            WebSession.signedUp(emails.get(i), Map.of());
        }
        List<Long> ids = emails.stream().map(WebSession::idOf).toList();
        assertEquals(303, add(signedIn(emails.get(0)), emails.get(1)).statusCode());
        assertEquals(303, add(signedIn(emails.get(1)), emails.get(0)).statusCode()); // both ways: still one pair
        assertEquals(303, add(signedIn(emails.get(3)), emails.get(2)).statusCode()); // listed the other way round
        assertEquals(303, add(signedIn(emails.get(2)), emails.get(1)).statusCode());

        List<List<String>> pairs = QuarkusTransaction.requiringNew().call(
                () -> DoNotPairLists.pairsAmong(List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(2))));
        List<List<String>> expected = new ArrayList<>(List.of(pair(ids.get(0), ids.get(1)), pair(ids.get(2), ids.get(3)),
                pair(ids.get(1), ids.get(2))));
        expected.sort(java.util.Comparator.<List<String>>comparingLong(p -> Long.parseLong(p.get(0)))
                .thenComparingLong(p -> Long.parseLong(p.get(1))));
        assertEquals(expected, pairs);
        assertEquals(List.of(pair(ids.get(0), ids.get(1))), QuarkusTransaction.requiringNew().call(
                () -> DoNotPairLists.pairsAmong(List.of(ids.get(0), ids.get(1), ids.get(3)))), "person 2 not asked");
    }

    private static List<String> pair(long a, long b) {
        return List.of(String.valueOf(Math.min(a, b)), String.valueOf(Math.max(a, b)));
    }

    @Test
    void listedPairsAreNeverPairedAndNobodyButTheOwnerSeesWhoListedWhom() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("dnpround", 1, 3); // one mentor with room for two
        String mentor = c.mentors().get(0);
        String lister = c.mentees().get(0);   // lists the mentor
        String listed = c.mentees().get(1);   // listed by the mentor
        String free = c.mentees().get(2);
        assertEquals(303, add(signedIn(lister), mentor).statusCode());
        assertEquals(303, add(signedIn(mentor), listed).statusCode());

        long round = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath solved = RoundLifecycleTest.awaitSolved(c.pm(), round);
        assertEquals("SOLVED", solved.getString("solveState"), solved.getString("solveMessage"));
        assertEquals(List.of(free), solved.getList("pairs.menteeEmail"), "only the mentee nobody listed is paired");
        assertEquals(List.of(mentor), solved.getList("pairs.mentorEmail"));
        String listerReason = solved.getString("unmatched.find { it.menteeEmail == '" + lister + "' }.reason");
        String listedReason = solved.getString("unmatched.find { it.menteeEmail == '" + listed + "' }.reason");
        assertTrue(listerReason.contains("do-not-pair"), listerReason);
        assertEquals(listerReason, listedReason, "managers see that a pair was excluded, never who asked for it");

        // the manager: every page and answer about the programme and round; no list, no key, no "who"
        WebSession pm = signedIn(c.pm());
        List<String> managerViews = new ArrayList<>();
        for (String path : List.of("/programs/" + c.programId(), "/rounds/" + round, "/rounds/" + round + "/compare")) {
            Response response = pm.get(path);
            assertEquals(200, response.statusCode(), path);
            managerViews.add(response.asString());
        }
        for (String path : List.of("/api/v1/rounds/" + round, "/api/v1/programs/" + c.programId(), "/api/v1/me")) {
            managerViews.add(RoundLifecycleTest.as(c.pm()).get(path).then().statusCode(200).extract().asString());
        }
        for (String view : managerViews) {
            String text = view.toLowerCase();
            assertFalse(text.contains("donotpair") || text.contains("keptapart"), "no list data for the manager");
            assertFalse(text.contains("listed by") || text.contains("do-not-pair list of") || text.contains("asked not"),
                    "nothing says who listed whom");
        }
        assertEquals(List.of(), RoundLifecycleTest.as(c.pm()).get("/api/v1/me/do-not-pair").then().statusCode(200)
                .extract().jsonPath().getList("$"), "the manager's own list is theirs alone, and empty");
        assertEquals(List.of(), pm.get("/profile/export").then().statusCode(200).extract().jsonPath()
                .getList("participation.doNotPairList"), "nor is anyone's list in the manager's own data");

        // the colleague the lister chose, and the colleague listed by the mentor: never a trace of who chose them
        assertNoTraceOf(mentor, lister);
        assertNoTraceOf(listed, mentor);
        // the owners see their own lists (page, API, download)
        assertTrue(signedIn(lister).page(PAGE).select("#do-not-pair-list").text().contains(mentor));
        assertEquals(List.of(mentor), RoundLifecycleTest.as(lister).get("/api/v1/me/do-not-pair").then().statusCode(200)
                .extract().jsonPath().getList("email"));
        JsonPath export = signedIn(lister).get("/profile/export").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(mentor), export.getList("participation.doNotPairList.email"));
    }

    /** Walks what {@code viewer} can open and asserts that {@code chooser}'s email appears nowhere. */
    private static void assertNoTraceOf(String viewer, String chooser) {
        WebSession session = signedIn(viewer);
        long roundId = QuarkusTransaction.requiringNew().call(() -> io.bridgeway.rounds.RoundParticipant
                .<io.bridgeway.rounds.RoundParticipant>find("person.email", viewer).firstResult().round.id);
        long programId = QuarkusTransaction.requiringNew().call(() -> io.bridgeway.rounds.RoundParticipant
                .<io.bridgeway.rounds.RoundParticipant>find("person.email", viewer).firstResult().round.program.id);
        List<String> views = new ArrayList<>();
        for (String path : List.of("/", "/profile", PAGE, "/profile/export", "/programs", "/programs/" + programId,
                "/rounds/" + roundId)) {
            Response response = session.get(path);
            assertTrue(response.statusCode() < 500, path);
            views.add(response.asString());
        }
        for (String path : List.of("/api/v1/me", "/api/v1/me/do-not-pair", "/api/v1/rounds/" + roundId,
                "/api/v1/programs/" + programId)) {
            views.add(RoundLifecycleTest.as(viewer).get(path).asString());
        }
        assertEquals(List.of(), RoundLifecycleTest.as(viewer).get("/api/v1/me/do-not-pair").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.email == '" + chooser + "' }"));
        for (String view : views) {
            assertFalse(view.contains(chooser), viewer + " must not see " + chooser);
        }
    }

    @Test
    void deletingAnAccountDeletesItsListAndEveryLineNamingIt() {
        String leaving = WebSession.uniqueEmail("dnpleaving");
        String listedByThem = WebSession.uniqueEmail("dnplistedby");
        String listingThem = WebSession.uniqueEmail("dnplisting");
        WebSession leaver = WebSession.signedUp(leaving, Map.of());
        WebSession.signedUp(listedByThem, Map.of());
        WebSession lister = WebSession.signedUp(listingThem, Map.of());
        assertEquals(303, add(leaver, listedByThem).statusCode());
        assertEquals(303, add(lister, leaving).statusCode());
        assertEquals(303, add(lister, listedByThem).statusCode());
        long leaverId = WebSession.idOf(leaving);
        assertEquals(2, linesNaming(leaverId));

        assertEquals(303, leaver.submit("/profile/delete", "/profile/delete", Map.of("confirmEmail", leaving))
                .statusCode());
        assertEquals(0, linesNaming(leaverId), "their list and the lines naming them are gone");
        assertEquals(1, lines(listingThem), "other lines stay");
        assertFalse(lister.page(PAGE).text().contains(leaving));
    }
}
