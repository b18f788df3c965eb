package io.bridgeway.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** An employee enrolling themselves: the form starts from their profile, and the list shows where they are enrolled. */
@QuarkusTest
class SelfEnrollmentTest {

    static final String ENROLL_FORM = "form[action$=/enroll]";

    @Test
    void theFormStartsFromHowTheProfileWantsToTakePart() {
        WebSession manager = WebSession.withRole("pmprefill", Role.PROGRAM_MANAGER);
        long both = ProgramPagesTest.createProgram(manager, ProgramPagesTest.programForm("Prefill both"));

        String circler = WebSession.uniqueEmail("circler");
        WebSession circles = WebSession.signedUp(circler, WebSession.with("wantsToMentor", "", "wantsMentor", "",
                "wantsCircle", "true"));
        Document page = circles.page("/programs/" + both);
        assertEquals(List.of("asCircleMember"), ticked(page), "peer circles, as the profile says");

        Response enrolled = circles.post("/programs/" + both + "/enroll", WebSession.formData(page, ENROLL_FORM, Map.of()));
        assertEquals(303, enrolled.statusCode(), enrolled.asString());
        Enrollment stored = enrollment(both, circler);
        assertTrue(stored.asCircleMember && !stored.asMentee && !stored.asMentor, "stored as a circle member only");

        WebSession everything = WebSession.signedUp(WebSession.uniqueEmail("all"), Map.of()); // mentor (2), mentee, circles
        Document all = everything.page("/programs/" + both);
        assertEquals(List.of("asMentee", "asMentor", "asCircleMember"), ticked(all));
        assertEquals("2", all.select(ENROLL_FORM + " #mentorCapacity").attr("value"), "the profile's capacity");

        WebSession nothing = WebSession.signedUp(WebSession.uniqueEmail("none"), WebSession.with("wantsToMentor", "",
                "wantsMentor", "", "wantsCircle", ""));
        assertEquals(List.of("asMentee"), ticked(nothing.page("/programs/" + both)), "no wish in the profile: a mentee");

        Map<String, Object> circlesOnly = ProgramPagesTest.programForm("Prefill circles");
        circlesOnly.put("type", "CIRCLES");
        long circleProgramme = ProgramPagesTest.createProgram(manager, circlesOnly);
        WebSession menteeOnly = WebSession.signedUp(WebSession.uniqueEmail("menteeonly"), WebSession.with(
                "wantsToMentor", "", "wantsCircle", ""));
        assertEquals(List.of("asCircleMember"), ticked(menteeOnly.page("/programs/" + circleProgramme)),
                "only what the programme offers");
    }

    @Test
    void theListMarksTheProgrammesIAmEnrolledIn() {
        WebSession manager = WebSession.withRole("pmlist", Role.PROGRAM_MANAGER);
        long mine = ProgramPagesTest.createProgram(manager, ProgramPagesTest.programForm("Listed mine"));
        long other = ProgramPagesTest.createProgram(manager, ProgramPagesTest.programForm("Listed other"));
        WebSession person = WebSession.signedUp(WebSession.uniqueEmail("lister"), Map.of());
        Document detail = person.page("/programs/" + mine);
        assertEquals(303, person.post("/programs/" + mine + "/enroll",
                WebSession.formData(detail, ENROLL_FORM, Map.of())).statusCode());

        Document list = person.page("/programs");
        assertEquals("You are enrolled", card(list, mine).select(".badge").text());
        assertTrue(card(list, other).select(".badge").isEmpty(), "not enrolled there");
        assertTrue(card(manager.page("/programs"), mine).select(".badge").isEmpty(), "the mark is the viewer's own");
    }

    @Test
    void badEnrollmentInputGetsPerFieldErrorsAndNothingIsSaved() {
        WebSession manager = WebSession.withRole("pmbad", Role.PROGRAM_MANAGER);
        long id = ProgramPagesTest.createProgram(manager, ProgramPagesTest.programForm("Bad enrolments"));
        String email = WebSession.uniqueEmail("badenrol");
        WebSession person = WebSession.signedUp(email, Map.of());
        Document page = person.page("/programs/" + id);

        Map<String, Object> noRole = WebSession.formData(page, ENROLL_FORM, Map.of());
        noRole.keySet().removeAll(List.of("asMentor", "asMentee", "asCircleMember"));
        Response none = person.post("/programs/" + id + "/enroll", noRole);
        assertEquals(400, none.statusCode());
        assertTrue(Jsoup.parse(none.asString()).select("#roles-error").text().contains("at least one way"));

        Response bad = person.post("/programs/" + id + "/enroll", WebSession.formData(page, ENROLL_FORM,
                Map.of("asMentor", "true", "mentorCapacity", "9", "goals", "ok, <bad>")));
        assertEquals(400, bad.statusCode());
        Document errors = Jsoup.parse(bad.asString());
        assertTrue(errors.select("#mentorCapacity-error").text().contains("1"), errors.select("#mentorCapacity-error").text());
        assertTrue(errors.select("#goals-error").text().contains("<bad>"), errors.select("#goals-error").text());
        assertEquals("9", errors.select(ENROLL_FORM + " #mentorCapacity").attr("value"), "the input is shown back");
        assertNull(enrollment(id, email), "nothing saved");
        assertTrue(card(person.page("/programs"), id).select(".badge").isEmpty());
    }

    private static List<String> ticked(Document page) {
        return page.select(ENROLL_FORM + " input[type=checkbox][checked]").eachAttr("name");
    }

    private static Element card(Document list, long programId) {
        Element link = list.selectFirst("ul.cards a[href=/programs/" + programId + "]");
        assertFalse(link == null, "programme " + programId + " is listed");
        return link.closest("li");
    }

    private static Enrollment enrollment(long programId, String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Enrollment e = Enrollment.find(Program.findById(programId), Person.findByEmail(email));
            if (e != null) {
                e.program.name.length(); // loaded before the transaction ends
            }
            return e;
        });
    }
}
