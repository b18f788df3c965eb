package io.bridgeway.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Confidential data (a do-not-pair list, a rating and its comment) is seen by its owner only. Every other
 * person, the partner, the listed colleague, another participant, the programme manager and an admin, walks every page
 * they can reach by links from the home page, plus the JSON API and the round's exports, and never meets it.
 */
@QuarkusTest
class ConfidentialDataWalkTest {

    private static final String SECRET = "Private remark 93c1: we never clicked";
    private static final int MAX_PAGES = 250;

    @Test
    void nobodyButTheOwnerSeesDoNotPairListsRatingsOrComments() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("walk", 2, 2);
        String owner = c.mentees().get(0);
        String otherMentee = c.mentees().get(1);
        String listed = c.mentors().get(1);
        String partner = c.mentors().get(0);

        WebSession ownerSession = FeedbackFixtures.signIn(owner);
        String listPage = "/profile/do-not-pair";
        assertEquals(303, ownerSession.submit(listPage, listPage, Map.of("email", listed)).statusCode());

        long roundId = FeedbackFixtures.solveAndPublish(c);
        assertTrue(FeedbackFixtures.pairs(roundId).contains(new FeedbackFixtures.Pair(partner, owner)),
                "the list keeps the owner away from the listed mentor: " + FeedbackFixtures.pairs(roundId));
        FeedbackFixtures.makeDue(roundId);
        FeedbackFixtures.Row survey = FeedbackFixtures.survey(roundId, owner, partner);
        String surveyPage = "/surveys/" + survey.id();
        assertEquals(303, ownerSession.submit(surveyPage, surveyPage, Map.of("met", "no", "rating", "1",
                "comment", SECRET, "wouldContinue", "no")).statusCode());

        // the owner does see their own data, so the walk below would notice it if it leaked
        Map<String, String> ownView = walk(owner, List.of("/profile/export", "/api/v1/me/do-not-pair"));
        assertTrue(ownView.values().stream().anyMatch(body -> body.contains(SECRET)), "owner sees own comment");
        assertTrue(ownView.get("/api/v1/me/do-not-pair").contains(listed), "owner sees own list");

        String roundApi = "/api/v1/rounds/" + roundId;
        List<String> apis = List.of("/api/v1/me", "/api/v1/me/matches", "/api/v1/me/do-not-pair",
                "/api/v1/programs", "/api/v1/programs/" + c.programId(), "/api/v1/programs/" + c.programId() + "/rounds",
                roundApi, roundApi + "/pairs", "/profile/export", "/mentoring/calendar.ics");
        List<String> managerExtras = new ArrayList<>(apis);
        managerExtras.addAll(exports(roundId));

        Map<String, Map<String, String>> views = new LinkedHashMap<>();
        views.put("partner", walk(partner, apis));
        views.put("listed colleague", walk(listed, apis));
        views.put("other mentee", walk(otherMentee, apis));
        views.put("programme manager", walk(c.pm(), managerExtras));
        String admin = WebSession.withRole("walkadmin", io.bridgeway.security.Role.ADMIN).email;
        String ownerAdminPage = "/admin/people/" + WebSession.idOf(owner);
        List<String> adminExtras = new ArrayList<>(managerExtras);
        adminExtras.add(ownerAdminPage);
        views.put("admin", walk(admin, adminExtras));
        assertTrue(views.get("admin").containsKey(ownerAdminPage), "the admin reaches the owner's person page");
        assertFalse(views.get("admin").get(ownerAdminPage).contains(listed),
                "the owner's person page does not show whom they listed");

        views.forEach((who, pages) -> {
            assertTrue(pages.size() > 8, who + " walked only " + pages.keySet());
            pages.forEach((path, body) -> {
                String where = who + " at " + path;
                assertFalse(body.contains(SECRET), where + " sees the comment");
                // their own unanswered survey may appear in their own data; the owner's rating of 1 never does
                assertFalse(body.matches("(?s).*\"rating\"\\s*:\\s*1\\b.*"), where + " sees the owner's rating");
                assertFalse(body.contains("Private remark"), where);
            });
        });
        // nobody but the owner learns whom the owner listed: the pair never appears together outside the owner
        views.get("listed colleague").forEach((path, body) ->
                assertFalse(body.contains(owner), "the listed colleague meets the owner at " + path));
        views.get("other mentee").forEach((path, body) ->
                assertFalse(body.contains(owner) && body.contains(listed), "other mentee sees both at " + path));
        views.get("partner").forEach((path, body) ->
                assertFalse(body.contains(listed), "the partner meets the listed colleague at " + path));
        List.of("programme manager", "admin").forEach(who -> views.get(who).forEach((path, body) -> assertFalse(
                body.toLowerCase().contains("listed by") || body.contains("/profile/do-not-pair/"),
                who + " learns who listed whom at " + path)));
    }

    private static List<String> exports(long roundId) {
        List<String> paths = new ArrayList<>();
        for (String what : List.of("pairs", "circles", "schedule")) {
            for (String format : List.of("csv", "ics")) {
                paths.add("/api/v1/rounds/" + roundId + "/export?format=" + format + "&what=" + what);
            }
        }
        return paths;
    }

    /** Every page reachable by links from home (same site, GET, at most MAX_PAGES), plus {@code extra} paths. */
    private static Map<String, String> walk(String email, List<String> extra) {
        WebSession session = FeedbackFixtures.signIn(email);
        Map<String, String> bodies = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/profile", "/mentoring", "/surveys", "/programs"));
        Set<String> seen = new LinkedHashSet<>(queue);
        while (!queue.isEmpty() && bodies.size() < MAX_PAGES) {
            String path = queue.poll();
            Response response = session.get(path);
            if (response.statusCode() != 200) {
                continue;
            }
            String body = response.asString();
            bodies.put(path, body);
            if (!String.valueOf(response.contentType()).startsWith("text/html")) {
                continue;
            }
            for (var link : Jsoup.parse(body).select("a[href]")) {
                String href = link.attr("href");
                if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/webjars")
                        && !href.startsWith("/css") && !href.startsWith("/js") && !href.contains("logout")
                        && seen.add(href.replaceAll("#.*$", ""))) {
                    queue.add(href.replaceAll("#.*$", ""));
                }
            }
        }
        for (String path : extra) {
            // the JSON API takes HTTP Basic only, pages the session cookie
            Response response = path.startsWith("/api/") ? RoundLifecycleTest.as(email).get(path) : session.get(path);
            if (response.statusCode() == 200) {
                bodies.put(path, response.asString());
            }
        }
        return bodies;
    }
}
