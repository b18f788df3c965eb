package io.bridgeway.people;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileTest {

    @Inject
    EntityManager em;

    @Test
    void loginShowsProfileAndLogoutEndsTheSession() {
        String email = WebSession.uniqueEmail("login");
        WebSession session = WebSession.signedUp(email, Map.of());
        Document profile = session.page("/profile");
        assertEquals("Test Person", profile.select("h1").text());
        assertTrue(profile.text().contains("Wants to mentor (up to 2 at once)"));
        assertTrue(profile.text().contains("Monday: 09:00, 10:00"), profile.text());

        Response logout = session.submit("/profile", "/logout", Map.of());
        assertEquals(303, logout.statusCode());
        Response after = session.get("/profile");
        assertEquals(302, after.statusCode(), "signed out: back to the login page");
        assertEquals("/login?next=%2Fprofile", after.header("Location"));
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        String email = WebSession.uniqueEmail("wrongpw");
        WebSession.signedUp(email, Map.of());
        WebSession session = new WebSession();
        Response response = session.login(email, "not-the-password");
        assertEquals(401, response.statusCode());
        assertFalse(session.hasCookie(io.bridgeway.security.SessionCookie.NAME));
        Document page = org.jsoup.Jsoup.parse(response.asString());
        assertTrue(page.select(".error-summary").text().contains("do not match"));
        assertEquals(email, page.select("input[name=email]").attr("value"), "the e-mail is kept");
        assertTrue(page.select("input[name=password]").attr("value").isEmpty(), "the password is never echoed");
    }

    @Test
    void editSavesChangesAndRejectsBadInputWithoutSavingAnything() {
        String email = WebSession.uniqueEmail("edit");
        WebSession session = WebSession.signedUp(email, Map.of());
        Map<String, Object> form = WebSession.validSignup(email);
        form.remove("email");
        form.remove("password");
        form.put("fullName", "Renamed Person");
        form.put("level", "5");
        form.put("officeId", "2");
        form.put("timeZone", "");
        form.put("availability", List.of("FRI-16"));
        Response saved = session.submit("/profile/edit", "/profile/edit", form);
        assertEquals(303, saved.statusCode());
        Document profile = session.page("/profile");
        assertEquals("Your profile is saved.", profile.select(".flash").text());
        assertEquals("Renamed Person", profile.select("h1").text());
        assertTrue(profile.text().contains("America/New_York"), "empty zone falls back to the office's zone");
        assertTrue(profile.text().contains("Friday: 16:00"));

        form.put("fullName", "Should Not Be Saved");
        form.put("level", "0");
        Response rejected = session.submit("/profile/edit", "/profile/edit", form);
        assertEquals(400, rejected.statusCode());
        Document page = Jsoup.parse(rejected.asString());
        assertTrue(page.select("#level-error").text().contains("from 1 to 8"));
        assertEquals("Should Not Be Saved", page.select("input#fullName").attr("value"), "input is kept");
        assertEquals("Renamed Person", session.page("/profile").select("h1").text(), "nothing saved");
    }

    @Test
    void aNameThatWouldForgeCalendarEventsIsRefusedOnEdit() {
        String email = WebSession.uniqueEmail("forge");
        WebSession session = WebSession.signedUp(email, Map.of());
        String before = session.page("/profile").select("h1").text();
        Map<String, Object> form = WebSession.validSignup(email);
        form.remove("email");
        form.remove("password");
        form.put("fullName", SignupTest.FORGED_EVENT);
        form.put("jobTitle", "Lead\u202E");
        Response rejected = session.submit("/profile/edit", "/profile/edit", form);
        assertEquals(400, rejected.statusCode());
        Document page = Jsoup.parse(rejected.asString());
        assertTrue(page.select("#fullName-error").text().contains("one line"), page.select("#fullName-error").text());
        assertTrue(page.select("#jobTitle-error").text().contains("invisible"), page.select("#jobTitle-error").text());
        assertEquals(before, session.page("/profile").select("h1").text(), "nothing saved");

        form.put("fullName", "\u200B");
        form.put("jobTitle", "Lead");
        Response invisible = session.submit("/profile/edit", "/profile/edit", form);
        assertEquals(400, invisible.statusCode());
        assertFalse(Jsoup.parse(invisible.asString()).select("#fullName-error").text().isEmpty());
        assertEquals(before, session.page("/profile").select("h1").text(), "nothing saved");
    }

    @Test
    void aStaleEditIsRefusedWithAClearMessage() {
        String email = WebSession.uniqueEmail("stale");
        WebSession session = WebSession.signedUp(email, Map.of());
        Document firstTab = session.page("/profile/edit");
        String staleVersion = firstTab.select("input[name=version]").attr("value");
        String token = firstTab.select("input[name=csrf-token]").attr("value");
        Map<String, Object> form = WebSession.validSignup(email);
        form.put("fullName", "Second Tab");
        assertEquals(303, session.submit("/profile/edit", "/profile/edit", form).statusCode());

        form.put("fullName", "First Tab");
        form.put("version", staleVersion);
        form.put("csrf-token", token);
        Response conflict = session.post("/profile/edit", form);
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.asString().contains("changed in another window"));
        assertEquals("Second Tab", session.page("/profile").select("h1").text());
    }

    @Test
    void aVersionThatIsNoNumberIsBadInputNotAStaleEdit() {
        String email = WebSession.uniqueEmail("badversion");
        WebSession session = WebSession.signedUp(email, Map.of());
        String before = session.page("/profile").select("h1").text();
        Document page = session.page("/profile/edit");
        Map<String, Object> form = WebSession.validSignup(email);
        form.put("fullName", "Typed Version");
        form.put("version", "abc");
        form.put("csrf-token", page.select("input[name=csrf-token]").attr("value"));
        Response response = session.post("/profile/edit", form);
        assertEquals(400, response.statusCode());
        assertTrue(response.asString().contains("must be a whole number"), response.asString());
        assertEquals(before, session.page("/profile").select("h1").text(), "nothing saved");
    }

    @Test
    void managerCannotBeSomeoneWhoReportsToYou() {
        String bossEmail = WebSession.uniqueEmail("loopboss");
        WebSession boss = WebSession.signedUp(bossEmail, Map.of());
        String reportEmail = WebSession.uniqueEmail("loopreport");
        WebSession.signedUp(reportEmail, WebSession.with("managerEmail", bossEmail));
        Map<String, Object> form = WebSession.validSignup(bossEmail);
        form.put("managerEmail", reportEmail);
        Response response = boss.submit("/profile/edit", "/profile/edit", form);
        assertEquals(400, response.statusCode());
        assertTrue(Jsoup.parse(response.asString()).select("#managerEmail-error").text().contains("reporting loop"));
    }

    @Test
    void editWithoutCsrfTokenIsRejected() {
        String email = WebSession.uniqueEmail("csrfedit");
        WebSession session = WebSession.signedUp(email, Map.of());
        Map<String, Object> form = WebSession.validSignup(email);
        form.put("fullName", "Forged Name");
        Response forged = session.post("/profile/edit", form);
        assertTrue(forged.statusCode() == 400 || forged.statusCode() == 403, "status " + forged.statusCode());
        assertEquals("Test Person", session.page("/profile").select("h1").text());
    }

    @Test
    void downloadMyDataIsACompleteJsonFile() {
        String managerEmail = WebSession.uniqueEmail("exportboss");
        WebSession.signedUp(managerEmail, Map.of());
        String email = WebSession.uniqueEmail("export");
        WebSession session = WebSession.signedUp(email, WebSession.with("managerEmail", managerEmail));
        Response response = session.get("/profile/export");
        assertEquals(200, response.statusCode());
        assertTrue(response.header("Content-Disposition").contains("attachment"));
        JsonPath json = response.jsonPath();
        assertEquals(email, json.getString("profile.email"));
        assertEquals("Engineering", json.getString("profile.department"));
        assertEquals(managerEmail, json.getString("profile.manager.email"));
        assertEquals(List.of("de", "en"), json.getList("profile.languages"));
        assertEquals(3, json.getInt("profile.skills.java"));
        assertEquals(List.of("MON-09", "MON-10", "WED-14"), json.getList("profile.availability"));
        assertFalse(response.asString().contains("passwordHash"), "the hash is not personal data to hand out");
    }

    @Test
    void deletingTheAccountRemovesAllPersonalDataAndLeavesNoOrphans() {
        String email = WebSession.uniqueEmail("delete");
        WebSession session = WebSession.signedUp(email, Map.of());
        String reportEmail = WebSession.uniqueEmail("orphan");
        WebSession.signedUp(reportEmail, WebSession.with("managerEmail", email));
        long id = idOf(email);

        Response wrongConfirmation = session.submit("/profile/delete", "/profile/delete",
                Map.of("confirmEmail", "someone-else@example.com"));
        assertEquals(400, wrongConfirmation.statusCode());
        assertTrue(Jsoup.parse(wrongConfirmation.asString()).select("#confirmEmail-error").text().contains("exactly"));
        assertEquals(id, idOf(email), "not deleted without confirmation");

        Response deleted = session.submit("/profile/delete", "/profile/delete", Map.of("confirmEmail", email));
        assertEquals(303, deleted.statusCode());
        assertEquals(-1L, idOf(email));
        for (String table : List.of("person_role", "person_language", "person_skill", "person_goal",
                "person_availability")) {
            assertEquals(0L, rows("select count(*) from " + table + " where person_id = " + id), table);
        }
        assertEquals(0L, rows("select count(*) from person where manager_id = " + id), "reports keep no dangling link");
        assertTrue(idOf(reportEmail) > 0, "the report stays");
        assertEquals(302, session.get("/profile").statusCode(), "the session is gone with the account");
        assertEquals(401, given().auth().preemptive().basic(email, WebSession.PASSWORD).get("/api/v1/me").statusCode());
    }

    @Test
    void meApiAcceptsBasicAuthAndReturnsProfileAndRoles() {
        String email = WebSession.uniqueEmail("api");
        WebSession.signedUp(email, Map.of());
        given().auth().preemptive().basic(email, WebSession.PASSWORD)
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("email", equalTo(email))
                .body("roles", hasItem("EMPLOYEE"))
                .body("levelLabel", equalTo("Senior"))
                .body("office", equalTo("Berlin"));
        given().auth().preemptive().basic(email, "wrong-password-123").get("/api/v1/me").then().statusCode(401);
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndEmployeesAreForbiddenFromAdminPages() {
        Response anonymous = given().redirects().follow(false).get("/admin/people");
        assertEquals(302, anonymous.statusCode());
        assertEquals("/login?next=%2Fadmin%2Fpeople", anonymous.header("Location"));
        assertEquals(302, given().redirects().follow(false).get("/profile/edit").statusCode());

        WebSession employee = WebSession.signedUp(WebSession.uniqueEmail("employee"), Map.of());
        Response forbidden = employee.get("/admin/people");
        assertEquals(403, forbidden.statusCode());
        assertTrue(forbidden.asString().contains("does not have access"));
        Document profile = employee.page("/profile");
        assertTrue(profile.select("nav a[href=/admin/people]").isEmpty(), "navigation hides what you can't open");
    }

    @Test
    void adminSeesThePeopleListWithSearch() {
        String email = WebSession.uniqueEmail("findme");
        WebSession.signedUp(email, Map.of());
        promoteToAdmin(email);
        WebSession admin = new WebSession();
        admin.login(email, WebSession.PASSWORD);
        Document list = admin.page("/admin/people?q=" + email.substring(0, 14));
        assertTrue(list.select("table.list td").eachText().contains(email), list.text());
        assertFalse(admin.page("/profile").select("nav a[href=/admin/people]").isEmpty());
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/me"));
    }

    @Transactional
    long idOf(String email) {
        Person p = Person.findByEmail(email);
        return p == null ? -1L : p.id;
    }

    @Transactional
    long rows(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Transactional
    void promoteToAdmin(String email) {
        Person.findByEmail(email).roles.add("ADMIN");
    }
}
