package io.bridgeway.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class ProgramPagesTest {

    public static Map<String, Object> programForm(String name) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("description", "Cross-department mentoring for the autumn.");
        form.put("type", "BOTH");
        form.put("enrollmentOpens", LocalDate.now().minusDays(1).toString());
        form.put("enrollmentCloses", LocalDate.now().plusDays(14).toString());
        form.put("circleRounds", "3");
        form.put("circleCadenceWeeks", "4");
        form.put("circleStartDate", LocalDate.now().plusWeeks(3).toString());
        form.put("groupMin", "4");
        form.put("groupMax", "5");
        form.put("seniorLevel", "5");
        form.put("minLevelGap", "1");
        form.put("maxOffsetDiffHours", "8");
        form.put("previousPartners", "AVOID");
        form.put("avoidRounds", "3");
        form.put("weightGoalSkill", "10");
        form.put("weightCrossDepartment", "15");
        form.put("weightOffsetPer30Min", "1");
        form.put("weightLevelGapPerLevel", "5");
        form.put("weightPreviousPair", "40");
        form.put("weightNoCommonFreeHour", "20");
        form.put("weightSameDepartment", "10");
        form.put("weightTimezoneSpread", "3");
        form.put("weightGroupWithoutSenior", "20");
        form.put("weightUnavailableMember", "40");
        return form;
    }

    /** Creates a programme through the form as {@code manager}; returns its id. */
    public static long createProgram(WebSession manager, Map<String, Object> form) {
        Response response = manager.submit("/programs/new", "/programs/new", form);
        assertEquals(303, response.statusCode(), response.asString());
        String location = response.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void managerCreatesAProgrammeWithDefaultsFromTheCanonicalModel() {
        WebSession manager = WebSession.withRole("pm", Role.PROGRAM_MANAGER);
        Document blank = manager.page("/programs/new");
        assertEquals("10", blank.select("input#weightGoalSkill").attr("value"));
        assertEquals("40", blank.select("input#weightPreviousPair").attr("value"));

        long id = createProgram(manager, programForm("Autumn bridges"));
        Document detail = manager.page("/programs/" + id);
        assertEquals("Autumn bridges", detail.select("h1").text());
        assertTrue(detail.select(".flash").text().contains("created"));
        Program stored = QuarkusTransaction.requiringNew().call(() -> Program.findById(id));
        assertEquals(ProgramType.BOTH, stored.type);
        assertEquals(480, stored.pairing.maxOffsetDiffMinutes);
        assertEquals(manager.email, QuarkusTransaction.requiringNew().call(
                () -> Program.<Program>findById(id).createdBy.email));
    }

    @Test
    void theListShowsEachProgrammeWithItsEnrollmentWindow() {
        WebSession manager = WebSession.withRole("pmlist", Role.PROGRAM_MANAGER);
        Map<String, Object> later = programForm("Later bridges");
        later.put("enrollmentOpens", LocalDate.now().plusDays(10).toString());
        later.put("enrollmentCloses", LocalDate.now().plusDays(20).toString());
        long openId = createProgram(manager, programForm("Open bridges"));
        long laterId = createProgram(manager, later);

        Document list = manager.page("/programs");
        String open = list.select("a[href=/programs/" + openId + "]").first().parent().parent().text();
        assertTrue(open.contains("enrollment open until " + LocalDate.now().plusDays(14)), open);
        String closed = list.select("a[href=/programs/" + laterId + "]").first().parent().parent().text();
        assertTrue(closed.contains("enrollment " + LocalDate.now().plusDays(10) + " to " + LocalDate.now().plusDays(20)),
                closed);
    }

    @Test
    void invalidProgrammeIsReRenderedWithMessagesAndNotStored() {
        WebSession manager = WebSession.withRole("pmbad", Role.PROGRAM_MANAGER);
        Map<String, Object> form = programForm("");
        form.put("type", "SOMETHING");
        form.put("enrollmentOpens", "2027-02-30");
        form.put("enrollmentCloses", LocalDate.now().minusYears(1).toString());
        form.put("groupMin", "6");
        form.put("groupMax", "3");
        form.put("weightCrossDepartment", "-1");
        form.put("maxOffsetDiffHours", "25");
        form.put("name", "");
        long before = count();
        Response response = manager.submit("/programs/new", "/programs/new", form);
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        for (String field : List.of("name", "type", "enrollmentOpens", "weightCrossDepartment",
                "maxOffsetDiffHours")) {
            assertTrue(!page.select("#" + field + "-error").text().isEmpty(), field);
        }
        form.put("name", "Closes before it opens");
        form.put("type", "BOTH");
        form.put("enrollmentOpens", "2027-03-10");
        form.put("enrollmentCloses", "2027-03-01");
        Response order = manager.submit("/programs/new", "/programs/new", form);
        assertTrue(Jsoup.parse(order.asString()).select("#enrollmentCloses-error").text().contains("on or after"));
        assertTrue(Jsoup.parse(order.asString()).select("#groupMax-error").text().contains("cannot be smaller"));
        assertEquals(before, count(), "nothing stored");
    }

    @Test
    void employeesCannotCreateOrEditProgrammes() {
        WebSession manager = WebSession.withRole("pmowner", Role.PROGRAM_MANAGER);
        long id = createProgram(manager, programForm("Managers only"));
        WebSession employee = WebSession.signedUp(WebSession.uniqueEmail("emp"), Map.of());
        assertEquals(403, employee.get("/programs/new").statusCode());
        assertEquals(403, employee.get("/programs/" + id + "/edit").statusCode());
        Document detail = employee.page("/programs/" + id);
        assertTrue(detail.select("#participants").isEmpty(), "participant list is for managers");
    }

    @Test
    void aStaleProgrammeEditGetsAClearConflictMessage() {
        WebSession first = WebSession.withRole("pmfirst", Role.PROGRAM_MANAGER);
        WebSession second = WebSession.withRole("pmsecond", Role.PROGRAM_MANAGER);
        long id = createProgram(first, programForm("Contested"));
        Document firstTab = first.page("/programs/" + id + "/edit");
        Map<String, Object> form = programForm("Renamed by second");
        assertEquals(303, second.submit("/programs/" + id + "/edit", "/programs/" + id + "/edit", form).statusCode());

        form.put("name", "Renamed by first");
        form.put("version", firstTab.select("input[name=version]").attr("value"));
        form.put("csrf-token", firstTab.select("input[name=csrf-token]").attr("value"));
        Response conflict = first.post("/programs/" + id + "/edit", form);
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.asString().contains("changed by someone else"));
        assertEquals("Renamed by second", first.page("/programs/" + id).select("h1").text());
    }

    @Test
    void employeeEnrollsUpdatesAndLeaves() {
        WebSession manager = WebSession.withRole("pmenrol", Role.PROGRAM_MANAGER);
        long id = createProgram(manager, programForm("Open enrollment"));
        String email = WebSession.uniqueEmail("joiner");
        WebSession employee = WebSession.signedUp(email, Map.of());

        Response none = employee.submit("/programs/" + id, "/programs/" + id + "/enroll", Map.of("goals", ""));
        assertEquals(400, none.statusCode());
        assertTrue(Jsoup.parse(none.asString()).select("#roles-error").text().contains("at least one"));

        Response enrolled = employee.submit("/programs/" + id, "/programs/" + id + "/enroll",
                Map.of("asMentee", "true", "asCircleMember", "true", "goals", "Negotiation, writing"));
        assertEquals(303, enrolled.statusCode());
        Enrollment stored = enrollment(id, email);
        assertTrue(stored.asMentee && stored.asCircleMember && !stored.asMentor);
        assertEquals("negotiation, writing", stored.programGoals);
        io.restassured.path.json.JsonPath export = employee.get("/profile/export").jsonPath();
        assertEquals("Open enrollment", export.getString("participation.enrollments[0].program"),
                "download my data includes enrollments");

        Response badCapacity = employee.submit("/programs/" + id, "/programs/" + id + "/enroll",
                Map.of("asMentor", "true", "mentorCapacity", "9"));
        assertEquals(400, badCapacity.statusCode());
        assertTrue(enrollment(id, email).asMentee, "the earlier enrollment is unchanged");

        assertTrue(manager.page("/programs/" + id).select("#participant-list td").eachText().contains("Test Person"));
        assertEquals(303, employee.submit("/programs/" + id, "/programs/" + id + "/withdraw", Map.of()).statusCode());
        assertNull(enrollment(id, email));
    }

    @Test
    void enrollmentOutsideTheWindowAndForAMissingRoleIsRefused() {
        WebSession manager = WebSession.withRole("pmclosed", Role.PROGRAM_MANAGER);
        Map<String, Object> form = programForm("Closed programme");
        form.put("enrollmentOpens", LocalDate.now().plusDays(10).toString());
        form.put("enrollmentCloses", LocalDate.now().plusDays(20).toString());
        long closed = createProgram(manager, form);
        Map<String, Object> circlesOnly = programForm("Circles only");
        circlesOnly.put("type", "CIRCLES");
        long circles = createProgram(manager, circlesOnly);
        String email = WebSession.uniqueEmail("late");
        WebSession employee = WebSession.signedUp(email, Map.of());

        assertTrue(employee.page("/programs/" + closed).text().contains("Enrollment is closed"));
        Map<String, Object> mentee = Map.of("asMentee", "true");
        Response refused = employee.submit("/programs/" + closed, "/programs/" + closed + "/enroll", mentee);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("Enrollment for this programme is open from"));
        Response wrongRole = employee.submit("/programs/" + circles, "/programs/" + circles + "/enroll", mentee);
        assertEquals(400, wrongRole.statusCode());
        assertTrue(wrongRole.asString().contains("peer circles only"));
        assertNull(enrollment(closed, email));
        assertNull(enrollment(circles, email));
    }

    @Test
    void managerEnrollsACohortByEmailsAndReportsWhoWasNotFound() {
        WebSession manager = WebSession.withRole("pmcohort", Role.PROGRAM_MANAGER);
        long id = createProgram(manager, programForm("Cohort"));
        String a = WebSession.uniqueEmail("cohorta");
        String b = WebSession.uniqueEmail("cohortb");
        WebSession.signedUp(a, Map.of());
        WebSession.signedUp(b, Map.of());
        Response response = manager.submit("/programs/" + id, "/programs/" + id + "/cohort",
                Map.of("emails", a + "\n" + b.toUpperCase() + ", ghost@example.com", "role", "MENTEE"));
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertTrue(page.text().contains("Enrolled 2; already enrolled 0; not found 1."), page.select(".flash").text());
        assertTrue(page.text().contains("Not found: ghost@example.com"));
        assertTrue(enrollment(id, a).asMentee);

        Response again = manager.submit("/programs/" + id, "/programs/" + id + "/cohort",
                Map.of("emails", a, "role", "MENTEE"));
        assertTrue(Jsoup.parse(again.asString()).text().contains("Enrolled 0; already enrolled 1; not found 0."));

        Response nothing = manager.submit("/programs/" + id, "/programs/" + id + "/cohort", Map.of("role", "MENTEE"));
        assertEquals(400, nothing.statusCode());
        assertTrue(Jsoup.parse(nothing.asString()).select("#cohort-error").text().contains("Choose a filter"));
    }

    @Test
    void managerEnrollsACohortByFilter() {
        WebSession manager = WebSession.withRole("pmfilter", Role.PROGRAM_MANAGER);
        long id = createProgram(manager, programForm("Filtered cohort"));
        String legal = WebSession.uniqueEmail("legal");
        WebSession.signedUp(legal, WebSession.with("departmentId", "9", "level", "2"));
        Response response = manager.submit("/programs/" + id, "/programs/" + id + "/cohort",
                Map.of("departmentId", "9", "minLevel", "2", "maxLevel", "2", "role", "CIRCLES"));
        assertEquals(200, response.statusCode());
        assertTrue(enrollment(id, legal).asCircleMember);
        long enrolled = QuarkusTransaction.requiringNew().call(() -> Enrollment.count(
                "program.id = ?1 and (person.department.id <> 9 or person.level <> 2)", id));
        assertEquals(0L, enrolled, "only people matching the filter");
        Response badLevel = manager.submit("/programs/" + id, "/programs/" + id + "/cohort",
                Map.of("minLevel", "12", "role", "MENTEE"));
        assertEquals(400, badLevel.statusCode());
    }

    public static Enrollment enrollment(long programId, String email) {
        return QuarkusTransaction.requiringNew().call(() -> Enrollment
                .<Enrollment>find("program.id = ?1 and person.email = ?2", programId, email).firstResult());
    }

    static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Program.count());
    }

    @Test
    void aYearPastTheCalendarIsReRenderedWithTheFieldErrorAndNotStored() {
        WebSession manager = WebSession.withRole("pmfar", Role.PROGRAM_MANAGER);
        Map<String, Object> form = programForm("Far future");
        form.put("circleStartDate", "99999-01-04");
        form.put("enrollmentCloses", "+999999999-12-31");
        long before = count();
        Response response = manager.submit("/programs/new", "/programs/new", form);
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        for (String field : List.of("circleStartDate", "enrollmentCloses")) {
            assertTrue(page.select("#" + field + "-error").text().contains("1900 to 9999"), field);
        }
        assertEquals(before, count(), "nothing stored");
    }

    @Test
    void circleMeetingsPastTheYear9999OrTooFarAheadAreAFieldErrorAndNotStored() {
        WebSession manager = WebSession.withRole("pmlast", Role.PROGRAM_MANAGER);
        long before = count();
        Map<String, Object> form = programForm("Meets in year 10002");
        form.put("circleStartDate", "9999-12-27");
        form.put("circleRounds", "12");
        form.put("circleCadenceWeeks", "12");
        Response response = manager.submit("/programs/new", "/programs/new", form);
        assertEquals(400, response.statusCode());
        assertTrue(Jsoup.parse(response.asString()).select("#circleStartDate-error").text().contains("ahead"));

        form.put("circleStartDate", LocalDate.now().plusYears(11).toString());
        Response farAhead = manager.submit("/programs/new", "/programs/new", form);
        assertEquals(400, farAhead.statusCode());
        assertTrue(Jsoup.parse(farAhead.asString()).select("#circleStartDate-error").text().contains("ahead"));
        assertEquals(before, count(), "nothing stored");

        form.put("circleStartDate", LocalDate.now().plusYears(9).toString());
        assertEquals(303, manager.submit("/programs/new", "/programs/new", form).statusCode());
    }
}
