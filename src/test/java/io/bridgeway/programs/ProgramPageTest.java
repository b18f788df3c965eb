package io.bridgeway.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The programme page as a manager reviewing its participants and enrolling cohorts uses it. */
@QuarkusTest
class ProgramPageTest {

    @Test
    void participantsAreSearchableWithEmailsInAStableOrder() {
        WebSession manager = WebSession.withRole("pmsearch", Role.PROGRAM_MANAGER);
        long id = ProgramPagesTest.createProgram(manager, ProgramPagesTest.programForm("Two Anas"));
        String b = WebSession.uniqueEmail("anab");
        String a = WebSession.uniqueEmail("anaa");
        String other = WebSession.uniqueEmail("zed");
        WebSession.signedUp(b, WebSession.with("fullName", "Ana Banda"));
        WebSession.signedUp(a, WebSession.with("fullName", "Ana Banda"));
        WebSession.signedUp(other, WebSession.with("fullName", "Zed Other"));
        manager.submit("/programs/" + id, "/programs/" + id + "/cohort",
                Map.of("emails", String.join("\n", b, other, a), "role", "MENTEE"));

        List<String> rows = manager.page("/programs/" + id).select("#participant-list tbody tr").eachText();
        assertEquals(List.of("Ana Banda " + a, "Ana Banda " + b), rows.stream().filter(r -> r.startsWith("Ana"))
                .map(r -> r.substring(0, r.indexOf('@') + "example.com".length() + 1).strip()).toList(),
                "same name: told apart by email, ordered by it");
        assertEquals(rows, manager.page("/programs/" + id).select("#participant-list tbody tr").eachText(), "stable");

        Document byName = manager.page("/programs/" + id + "?q=BANDA");
        assertEquals(2, byName.select("#participant-list tbody tr").size());
        assertEquals("banda", byName.select("#participant-search").attr("value"));
        Document byEmail = manager.page("/programs/" + id + "?q=" + other);
        assertEquals(List.of(other), byEmail.select("#participant-list tbody td:nth-child(2)").eachText());
    }

    @Test
    void thePageHasNoDuplicateIdsAndEveryLabelPointsIntoItsOwnForm() {
        WebSession manager = WebSession.withRole("pmids", Role.PROGRAM_MANAGER);
        long id = ProgramPagesTest.createProgram(manager, ProgramPagesTest.programForm("Unique ids"));
        for (String path : List.of("/programs/" + id, "/programs/" + id + "/edit", "/programs/new")) {
            Document page = manager.page(path);
            Set<String> seen = new HashSet<>();
            for (Element element : page.select("[id]")) {
                assertTrue(seen.add(element.id()), path + ": duplicate id " + element.id());
            }
            for (Element label : page.select("form label[for]")) {
                Element target = page.getElementById(label.attr("for"));
                assertTrue(target != null && target.closest("form") == label.closest("form"),
                        path + ": label for " + label.attr("for") + " points outside its form");
            }
        }
    }

    @Test
    void aCohortChoosesItsRoleNothingIsPreselected() {
        WebSession manager = WebSession.withRole("pmrole", Role.PROGRAM_MANAGER);
        long id = ProgramPagesTest.createProgram(manager, ProgramPagesTest.programForm("Role choice"));
        Document page = manager.page("/programs/" + id);
        Element cohortForm = page.selectFirst("form[action=/programs/" + id + "/cohort]");
        assertEquals(List.of("MENTOR", "MENTEE", "CIRCLES"), cohortForm.select("input[name=role]").eachAttr("value"));
        assertTrue(cohortForm.select("input[name=role][checked]").isEmpty(), "no role chosen in advance");

        String email = WebSession.uniqueEmail("cohortrole");
        WebSession.signedUp(email, Map.of());
        Response noRole = manager.submit("/programs/" + id, "/programs/" + id + "/cohort", Map.of("emails", email));
        assertEquals(400, noRole.statusCode());
        Document refused = Jsoup.parse(noRole.asString());
        assertTrue(refused.select("#role-error").text().contains("at least one"), refused.select("#role-error").text());
        assertEquals(1, refused.select(".error-summary a[href=#role]").size());
        assertNull(ProgramPagesTest.enrollment(id, email));

        assertEquals(200, manager.submit("/programs/" + id, "/programs/" + id + "/cohort",
                Map.of("emails", email, "role", "MENTOR", "cohortMentorCapacity", "2")).statusCode());
        Enrollment mentor = ProgramPagesTest.enrollment(id, email);
        assertTrue(mentor.asMentor && !mentor.asMentee && !mentor.asCircleMember);
        assertEquals(2, mentor.mentorCapacity);
    }

    @Test
    void aFilterWithEmailsStillInTheBoxIsRefusedNotIgnored() {
        WebSession manager = WebSession.withRole("pmboth", Role.PROGRAM_MANAGER);
        long id = ProgramPagesTest.createProgram(manager, ProgramPagesTest.programForm("Filter or emails"));
        String email = WebSession.uniqueEmail("leftover");
        WebSession.signedUp(email, WebSession.with("departmentId", "9", "level", "2"));
        Response both = manager.submit("/programs/" + id, "/programs/" + id + "/cohort",
                Map.of("departmentId", "3", "emails", email, "role", "MENTEE"));
        assertEquals(400, both.statusCode());
        Document page = Jsoup.parse(both.asString());
        assertTrue(page.select("#emails-error").text().contains("not both"), page.select("#emails-error").text());
        assertEquals(email, page.select("textarea#emails").text(), "the input is kept");
        assertEquals("3", page.select("#departmentId option[selected]").attr("value"));
        assertNull(ProgramPagesTest.enrollment(id, email));
        ProgramApiTest.as(manager.email).body(Map.of("departmentId", 3, "emails", List.of(email), "asMentee", true))
                .post("/api/v1/programs/" + id + "/enrollments").then().statusCode(400);
        assertNull(ProgramPagesTest.enrollment(id, email));
    }
}
