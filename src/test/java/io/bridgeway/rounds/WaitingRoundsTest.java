package io.bridgeway.rounds;

import static io.bridgeway.rounds.RoundLifecycleTest.as;
import static io.bridgeway.rounds.RoundLifecycleTest.awaitSolved;
import static io.bridgeway.rounds.RoundLifecycleTest.enroll;
import static io.bridgeway.rounds.RoundLifecycleTest.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Nobody waits forever: three published rounds of a programme with one mentor of capacity 2 for six mentees.
 * Without the waiting policy the two best fits would be matched every round (earlier partners cost nothing here).
 */
@QuarkusTest
class WaitingRoundsTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void menteesLeftOutAreMatchedNextAndTheExplanationSaysWhy() {
        WebSession pm = WebSession.withRole("waitpm", Role.PROGRAM_MANAGER);
        int programId = as(pm.email).body("""
                {"name": "Waiting programme", "type": "MENTORING", "enrollmentOpens": "%s", "enrollmentCloses": "%s",
                 "weightPreviousPair": "0"}
                """.formatted(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)))
                .post("/api/v1/programs").then().statusCode(201)
                .body("waitingPolicy", org.hamcrest.Matchers.equalTo(true))
                .body("waitingIncrement", org.hamcrest.Matchers.equalTo(1))
                .body("waitingCap", org.hamcrest.Matchers.equalTo(3))
                .extract().path("id");
        String mentor = WebSession.uniqueEmail("waitmentor");
        WebSession.signedUp(mentor, WebSession.with("level", "6", "departmentId", "5",
                "skillName", List.of("negotiation", "budgeting"), "skillLevel", List.of("3", "2")));
        enroll(pm.email, programId, List.of(mentor), "{\"asMentor\": true, \"mentorCapacity\": 2, \"emails\": %s}");
        Map<String, String> mentees = new HashMap<>(); // name -> email
        mentee(mentees, "A", "2", "negotiation, budgeting"); // best fits: +50 goal fit
        mentee(mentees, "B", "2", "negotiation, budgeting");
        mentee(mentees, "C", "2", "negotiation");             // +30
        mentee(mentees, "D", "2", "negotiation");
        mentee(mentees, "E", "2", "design");                  // +0: the mentor has no such skill
        mentee(mentees, "F", "6", "negotiation");             // as senior as the mentor: no allowed mentor
        enroll(pm.email, programId, List.copyOf(mentees.values()), "{\"asMentee\": true, \"emails\": %s}");
        Map<String, String> nameOf = mentees.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

        JsonPath round1 = publishRound(pm.email, programId);
        assertEquals(Set.of("A", "B"), matched(round1, nameOf), "round 1: the best fits");

        mailbox.clear();
        JsonPath round2 = publishRound(pm.email, programId);
        assertEquals(Set.of("C", "D"), matched(round2, nameOf),
                "round 2: C and D, left out in round 1, come first (E waited too but fits worse)");
        for (Map<String, Object> pair : round2.<Map<String, Object>>getList("pairs")) {
            assertTrue(pair.get("explanation").toString().contains("waited 1 round (+1 priority)"), pair.toString());
        }
        String mail = roundMail(mentees.get("C"), 2);
        assertTrue(mail.contains("You were matched first this time because you waited: the last round could not give "
                + "you a mentor"), mail);
        assertTrue(!roundMail(mentees.get("A"), 2).contains("because you waited"));

        // the programme page names who waits, why, and what would help
        Document page = pm.page("/programs/" + programId);
        Map<String, Element> rows = new HashMap<>();
        for (Element row : page.select("#waiting-list tbody tr")) {
            rows.put(row.child(0).text(), row);
        }
        assertEquals(2, rows.size(), page.select("#waiting").text());
        Element e = rows.get("Mentee E");
        assertEquals("2", e.child(2).text());
        assertTrue(e.child(3).text().startsWith("every allowed mentor is full"), e.text());
        assertEquals("no allowed mentor has the goal design: recruit one", e.child(4).text());
        Element f = rows.get("Mentee F");
        assertEquals("2 (0 with an allowed mentor)", f.child(2).text());
        assertEquals("no mentor is allowed (level gap too small): recruit a more senior mentor, or lower the minimum "
                + "level gap", f.child(4).text());

        JsonPath round3 = publishRound(pm.email, programId);
        Set<String> third = matched(round3, nameOf);
        assertTrue(third.contains("E"), "round 3: E waited two rounds and now comes first: " + third);
        Map<String, Object> pairE = round3.<Map<String, Object>>getList("pairs").stream()
                .filter(p -> nameOf.get(p.get("menteeEmail")).equals("E")).findFirst().orElseThrow();
        assertTrue(pairE.get("explanation").toString().contains("waited 2 rounds (+2 priority)"), pairE.toString());
        assertTrue(third.contains("A") ^ third.contains("B"), "the other place goes to A or B, who waited one round");
    }

    private static void mentee(Map<String, String> mentees, String name, String level, String goals) {
        String email = WebSession.uniqueEmail("waitmentee" + name.toLowerCase());
        WebSession.signedUp(email, WebSession.with("fullName", "Mentee " + name, "level", level, "goals", goals));
        mentees.put(name, email);
    }

    private static JsonPath publishRound(String pm, int programId) {
        long roundId = start(pm, programId);
        JsonPath solved = awaitSolved(pm, roundId);
        assertEquals("SOLVED", solved.getString("solveState"), solved.prettify());
        as(pm).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        return solved;
    }

    private static Set<String> matched(JsonPath round, Map<String, String> nameOf) {
        return round.<String>getList("pairs.menteeEmail").stream().map(nameOf::get).collect(Collectors.toSet());
    }

    /** The mail of round {@code round} to {@code email}: mail leaves through the outbox, in the background. */
    private String roundMail(String email, int round) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            var mails = mailbox.getMailsSentTo(email);
            return mails == null ? null : mails.stream().map(io.quarkus.mailer.Mail::getText)
                    .filter(text -> text.contains("(round " + round + ")")).findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }
}
