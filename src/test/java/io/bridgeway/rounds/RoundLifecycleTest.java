package io.bridgeway.rounds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A whole round through the JSON API: create, enroll, solve, pin, re-solve, force, unpair, publish. */
@QuarkusTest
public class RoundLifecycleTest {

    @jakarta.inject.Inject
    io.quarkus.mailer.MockMailbox mailbox;

    static net.fortuna.ical4j.model.Calendar parse(io.quarkus.mailer.Attachment attachment) {
        try {
            return new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.ByteArrayInputStream(
                    io.bridgeway.notifications.MatchNotifierTest.bytes(attachment)));
        } catch (Exception e) {
            throw new AssertionError("the invite does not parse", e);
        }
    }

    static List<String> auditActions(long roundId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.bridgeway.audit.AuditEntry.<io.bridgeway.audit.AuditEntry>list("subjectId = ?1 or subjectType = 'PAIR'", roundId)
                        .stream().map(e -> e.action).distinct().toList());
    }

    public static RequestSpecification as(String email) {
        return given().auth().preemptive().basic(email, WebSession.PASSWORD).contentType("application/json");
    }

    /** A programme with mentors (level 6, Sales/Finance) and mentees (level 2, Engineering). */
    public static Cohort cohort(String prefix, int mentors, int mentees) {
        String pm = WebSession.withRole(prefix + "pm", Role.PROGRAM_MANAGER).email;
        int programId = as(pm).body("""
                {"name": "%s programme", "type": "MENTORING", "enrollmentOpens": "%s", "enrollmentCloses": "%s"}
                """.formatted(prefix, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)))
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
        List<String> mentorEmails = new ArrayList<>();
        List<String> menteeEmails = new ArrayList<>();
        for (int i = 0; i < mentors; i++) {
            String email = WebSession.uniqueEmail(prefix + "mentor");
            WebSession.signedUp(email, WebSession.with("level", "6", "departmentId", i % 2 == 0 ? "5" : "8",
                    "skillName", List.of("negotiation", "budgeting"), "skillLevel", List.of("3", "2")));
            mentorEmails.add(email);
        }
        for (int i = 0; i < mentees; i++) {
            String email = WebSession.uniqueEmail(prefix + "mentee");
            WebSession.signedUp(email, WebSession.with("level", "2", "goals", "negotiation"));
            menteeEmails.add(email);
        }
        enroll(pm, programId, mentorEmails, "{\"asMentor\": true, \"mentorCapacity\": 2, \"emails\": %s}");
        enroll(pm, programId, menteeEmails, "{\"asMentee\": true, \"emails\": %s}");
        return new Cohort(pm, programId, mentorEmails, menteeEmails);
    }

    public record Cohort(String pm, int programId, List<String> mentors, List<String> mentees) {
    }

    static void enroll(String pm, int programId, List<String> emails, String template) {
        if (emails.isEmpty()) {
            return;
        }
        String list = "[" + String.join(",", emails.stream().map(e -> "\"" + e + "\"").toList()) + "]";
        as(pm).body(template.formatted(list)).post("/api/v1/programs/" + programId + "/enrollments")
                .then().statusCode(200);
    }

    /** "Solve again" at the round's current version, then waits until it has solved. */
    public static JsonPath solveAgain(String pm, long roundId) {
        long version = as(pm).get("/api/v1/rounds/" + roundId).then().statusCode(200).extract().jsonPath().getLong("version");
        as(pm).post("/api/v1/rounds/" + roundId + "/solve?version=" + version).then().statusCode(200);
        JsonPath solved = awaitSolved(pm, roundId);
        assertEquals("SOLVED", solved.getString("solveState"), solved.getString("solveMessage"));
        return solved;
    }

    /** Waits for the background solve; the solver config ends it after a short unimproved time. */
    public static JsonPath awaitSolved(String pm, long roundId) {
        return Awaitility.await("round " + roundId + " finishes solving").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> as(pm).get("/api/v1/rounds/" + roundId).then().statusCode(200).extract().jsonPath(),
                        round -> !"SOLVING".equals(round.getString("solveState")));
    }

    public static long start(String pm, int programId) {
        return as(pm).post("/api/v1/programs/" + programId + "/rounds").then().statusCode(202).extract().jsonPath()
                .getLong("id");
    }

    @Test
    void solvePinResolveForceUnpairAndPublish() {
        Cohort c = cohort("life", 3, 5);
        long roundId = start(c.pm(), c.programId());
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/solve?version=0")
                .then().statusCode(400).body("error", containsString("solving"));
        as(c.pm()).post("/api/v1/programs/" + c.programId() + "/rounds")
                .then().statusCode(400).body("error", containsString("still a draft"));

        JsonPath solved = awaitSolved(c.pm(), roundId);
        assertEquals("SOLVED", solved.getString("solveState"), solved.prettify());
        assertEquals(5, solved.getInt("mentees"));
        assertEquals(5, solved.getInt("matched"), "3 mentors of capacity 2 can take all 5 mentees");
        List<Map<String, Object>> pairs = solved.getList("pairs");
        for (Map<String, Object> pair : pairs) {
            assertFalse(((List<?>) pair.get("explanation")).isEmpty());
        }

        // pin one pair, then solve again: the pin stays
        long version = solved.getLong("version");
        Map<String, Object> pinnedPair = pairs.get(0);
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/pairs/" + pinnedPair.get("id") + "/pin?pinned=true&version=" + version)
                .then().statusCode(200).body("impact", org.hamcrest.Matchers.equalTo(0));
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/pairs/" + pinnedPair.get("id") + "/pin?pinned=true&version=" + version)
                .then().statusCode(409).body("error", containsString("changed by " + c.pm()));
        version++;
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/solve?version=" + version).then().statusCode(200);
        JsonPath resolved = awaitSolved(c.pm(), roundId);
        Map<String, Object> kept = resolved.<Map<String, Object>>getList("pairs").stream()
                .filter(p -> p.get("menteeId").equals(pinnedPair.get("menteeId"))).findFirst().orElseThrow();
        assertEquals(pinnedPair.get("mentorId"), kept.get("mentorId"), "the pinned pair survives a re-solve");
        assertEquals(true, kept.get("pinned"));

        // unpair another pair: the mentee becomes unmatched, the score drops by the pair's value
        version = resolved.getLong("version");
        Map<String, Object> other = resolved.<Map<String, Object>>getList("pairs").stream()
                .filter(p -> !Boolean.TRUE.equals(p.get("pinned"))).findFirst().orElseThrow();
        JsonPath unpaired = as(c.pm()).post("/api/v1/rounds/" + roundId + "/pairs/" + other.get("id") + "/unpair?version=" + version)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(-((Number) other.get("value")).longValue(), unpaired.getLong("impact"));
        JsonPath afterUnpair = as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath();
        assertTrue(afterUnpair.getList("unmatched.menteeId").contains(other.get("menteeId")));
        assertTrue(afterUnpair.getString("unmatched[0].reason").contains("Unpaired"));

        // force a pair that breaks a hard rule (a mentee as mentor of a mentor is not even a mentor)
        version = afterUnpair.getLong("version");
        long aMentee = ((Number) other.get("menteeId")).longValue();
        long aMentor = ((Number) other.get("mentorId")).longValue();
        as(c.pm()).body(Map.of("mentorId", aMentee, "menteeId", aMentor, "version", version))
                .post("/api/v1/rounds/" + roundId + "/pairs").then().statusCode(400).body("error", containsString("not a mentor"));
        // the split pair may not simply be forced back: it is now on the round's do-not-pair list
        as(c.pm()).body(Map.of("mentorId", aMentor, "menteeId", aMentee, "version", version))
                .post("/api/v1/rounds/" + roundId + "/pairs").then().statusCode(400).body("error", containsString("Do not pair"));

        // publish, twice: the second changes nothing and sends nothing; editing afterwards is refused
        mailbox.clear();
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200).body("publishedNow", org.hamcrest.Matchers.equalTo(true));
        List<String> participants = new ArrayList<>(c.mentors());
        participants.addAll(c.mentees());
        assertEquals(8, io.bridgeway.support.Mailboxes.ofRound(roundId).size(), "every participant is told, matched or not");
        io.bridgeway.support.Mailboxes.awaitMailTo(mailbox, participants);
        String matchedMail = mailbox.getMailsSentTo((String) pinnedPair.get("menteeEmail")).get(0).getText();
        assertTrue(matchedMail.contains("Why you were matched"), matchedMail);
        assertTrue(matchedMail.contains("Shares 1 of the mentee's goals: negotiation"), matchedMail);
        assertFalse(io.bridgeway.matching.PlainWordsTest.hasSolverNumbers(matchedMail), "plain words, no points: " + matchedMail);
        String unpairedMail = mailbox.getMailsSentTo((String) other.get("menteeEmail")).get(0).getText();
        assertTrue(unpairedMail.contains("could not give you a match"), unpairedMail);
        assertFalse(unpairedMail.contains("Why you were matched"), unpairedMail);
        long withInvite = c.mentees().stream().map(e -> mailbox.getMailsSentTo(e).get(0))
                .filter(m -> !m.getAttachments().isEmpty()).count();
        assertEquals(4, withInvite, "the 4 matched mentees get a kick-off invite at an hour both sides marked free");
        io.quarkus.mailer.Mail invited = c.mentees().stream().map(e -> mailbox.getMailsSentTo(e).get(0))
                .filter(m -> !m.getAttachments().isEmpty()).findFirst().orElseThrow();
        net.fortuna.ical4j.model.Calendar ics = parse(invited.getAttachments().get(0));
        assertEquals(1, ics.getComponents("VEVENT").size());
        assertTrue(invited.getAttachments().get(0).getContentType().startsWith("text/calendar"));
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200).body("publishedNow", org.hamcrest.Matchers.equalTo(false));
        assertEquals(8, io.bridgeway.support.Mailboxes.ofRound(roundId).size(), "publishing again queues nothing");
        assertTrue(auditActions(roundId).containsAll(List.of("ROUND_STARTED", "PAIR_PINNED", "ROUND_RESOLVED",
                "PAIR_UNPAIRED", "ROUND_PUBLISHED")), auditActions(roundId).toString());
        long publishedVersion = as(c.pm()).get("/api/v1/rounds/" + roundId).then().extract().jsonPath().getLong("version");
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/pairs/" + pinnedPair.get("id") + "/unpair?version=" + publishedVersion)
                .then().statusCode(400).body("error", containsString("published"));
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/discard").then().statusCode(400).body("error", containsString("published"));

        // the next round compares itself with the published one
        long next = start(c.pm(), c.programId());
        JsonPath second = awaitSolved(c.pm(), next);
        WebSession pm = new WebSession();
        pm.login(c.pm(), WebSession.PASSWORD);
        Document compare = pm.page("/rounds/" + next + "/compare");
        assertTrue(compare.select(".lead").text().contains("Compared with round 1"), compare.text());
        int newPairs = compare.select("#new + ul li").size();
        int repeated = compare.select("#repeated + ul li").size();
        assertEquals(second.getInt("matched"), newPairs + repeated);
    }

    @Test
    void forcingAPairThatBreaksAHardRuleNamesTheRule() {
        Cohort c = cohort("force", 2, 2);
        // a mentee at level 6 cannot be mentored by a level-6 mentor (level gap rule)
        String senior = WebSession.uniqueEmail("forcesenior");
        WebSession.signedUp(senior, WebSession.with("level", "6"));
        enroll(c.pm(), c.programId(), List.of(senior), "{\"asMentee\": true, \"emails\": %s}");
        long roundId = start(c.pm(), c.programId());
        JsonPath round = awaitSolved(c.pm(), roundId);
        long seniorId = round.<Map<String, Object>>getList("unmatched").stream()
                .map(u -> ((Number) u.get("menteeId")).longValue()).findFirst().orElseThrow();
        assertTrue(round.getString("unmatched[0].reason").toLowerCase().contains("senior"), round.getString("unmatched[0].reason"));
        long mentorId = round.getLong("pairs[0].mentorId");
        as(c.pm()).body(Map.of("mentorId", mentorId, "menteeId", seniorId, "version", round.getLong("version")))
                .post("/api/v1/rounds/" + roundId + "/pairs")
                .then().statusCode(400).body("error", containsString("Level gap too small"));
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/discard").then().statusCode(200);
        as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(400).body("error", containsString("discarded"));
    }

    @Test
    void theRoundPageShowsProgressPairsAndReasonsAndRefusesEmployees() {
        Cohort c = cohort("page", 2, 3);
        WebSession pm = new WebSession();
        pm.login(c.pm(), WebSession.PASSWORD);
        long roundId = start(c.pm(), c.programId());
        JsonPath solved = awaitSolved(c.pm(), roundId);
        Document page = pm.page("/rounds/" + roundId);
        assertEquals(solved.getInt("matched"), page.select("table.pairs tbody tr").size());
        assertFalse(page.select("ul.why li").isEmpty(), "explanations are shown");
        assertTrue(page.select("#progress").attr("hx-trigger").isEmpty(), "no polling once solved");
        Document search = pm.page("/rounds/" + roundId + "?q=" + c.mentees().get(0));
        assertEquals(1, search.select("table.pairs tbody tr").size(), "search narrows the pairs to the person");
        assertEquals(0, pm.page("/rounds/" + roundId + "?pinned=true").select("table.pairs tbody tr").size(),
                "nothing is pinned yet");
        // privacy: an employee sees no round, no pairs, no reasons, no participant list
        String employeeEmail = WebSession.uniqueEmail("roundemp");
        WebSession employee = WebSession.signedUp(employeeEmail, Map.of());
        assertEquals(403, employee.get("/rounds/" + roundId).statusCode());
        assertEquals(403, employee.get("/rounds/" + roundId + "/compare").statusCode());
        as(employeeEmail).get("/api/v1/rounds/" + roundId).then().statusCode(403);
        Document programPage = employee.page("/programs/" + c.programId());
        assertTrue(programPage.select("#participants").isEmpty() && programPage.select("#rounds").isEmpty());
        assertFalse(programPage.text().contains(c.mentees().get(0)), "no other participant is named");
        assertNotEquals(200, given().redirects().follow(false).get("/rounds/" + roundId).statusCode());
    }
}
