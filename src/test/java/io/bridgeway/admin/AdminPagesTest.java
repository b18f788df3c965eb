package io.bridgeway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.audit.AuditEntry;
import io.bridgeway.people.Department;
import io.bridgeway.people.DoNotPairEntry;
import io.bridgeway.people.Office;
import io.bridgeway.people.Person;
import io.bridgeway.programs.Enrollment;
import io.bridgeway.programs.Program;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminPagesTest {

    static String token() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Creates a person straight in the database (no password), named "{@code name}". */
    static long person(String name, long departmentId, int level, long officeId, boolean active, String... roles) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person p = new Person();
            p.email = name.toLowerCase().replace(' ', '.') + "@example.com";
            p.fullName = name;
            p.department = Department.findById(departmentId);
            p.level = level;
            p.office = Office.findById(officeId);
            p.timeZone = "Europe/Berlin";
            p.active = active;
            p.roles.add(Role.EMPLOYEE);
            p.roles.addAll(List.of(roles));
            p.persist();
            return p.id;
        });
    }

    /** A new programme open for enrolment, with {@code personId} enrolled as a mentee; its id. */
    static long menteeIn(String programName, long personId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Program program = new Program();
            program.name = programName;
            program.enrollmentOpens = LocalDate.now().minusDays(1);
            program.enrollmentCloses = LocalDate.now().plusDays(30);
            program.persist();
            Enrollment e = new Enrollment();
            e.program = program;
            e.person = Person.findById(personId);
            e.asMentee = true;
            e.persist();
            return program.id;
        });
    }

    static String path(Response redirect) {
        return java.net.URI.create(redirect.header("Location")).getPath();
    }

    static List<String> names(Document page) {
        return page.select("table.list tbody tr td:first-child a").eachText();
    }

    @Test
    void adminsLandOnTheOverviewEmployeesOnTheirProfile() {
        WebSession admin = WebSession.withRole("overview-admin", Role.ADMIN);
        WebSession employee = WebSession.withRole("overview-employee", Role.EMPLOYEE);

        assertEquals("/admin", path(new WebSession().login(admin.email, WebSession.PASSWORD)));
        assertEquals("/profile", path(new WebSession().login(employee.email, WebSession.PASSWORD)));
        assertEquals("/rounds/3", path(new WebSession().submit("/login", "/login",
                Map.of("email", admin.email, "password", WebSession.PASSWORD, "next", "/rounds/3"))));
        assertEquals("/admin", path(admin.get("/login")), "signed in already: straight to the overview");

        assertEquals("/admin", admin.page("/").select("#admin-overview").attr("href"));
        assertTrue(employee.page("/").select("#admin-overview").isEmpty());

        long people = QuarkusTransaction.requiringNew().call(() -> Person.count());
        long active = QuarkusTransaction.requiringNew().call(() -> Person.count("active", true));
        Document overview = admin.page("/admin");
        assertEquals(String.valueOf(people), overview.select("#count-people").text());
        assertEquals(String.valueOf(active), overview.select("#count-active-people").text());
        assertFalse(overview.select("#count-open-programmes").text().isEmpty());
        assertFalse(overview.select("#count-open-drafts").text().isEmpty());
        List<String> links = overview.select("#admin-pages a").eachAttr("href");
        assertTrue(links.containsAll(List.of("/admin/people", "/admin/people/import", "/admin/organisation",
                "/admin/outbox", "/admin/audit")), links.toString());
        assertEquals("/admin", overview.select("nav[aria-label=Main] a:contains(Admin)").attr("href"));

        // an audited change shows among the latest entries
        long someone = person("Overview " + token(), 1, 3, 5, true);
        admin.submit("/admin/people/" + someone, "/admin/people/" + someone + "/roles",
                Map.of("role", Role.PROGRAM_MANAGER, "grant", "true"));
        assertTrue(admin.page("/admin").select("#latest-audit td").eachText().contains("ROLE_GRANTED"));

        assertEquals(403, employee.get("/admin").statusCode());
        assertEquals(403, WebSession.withRole("overview-pm", Role.PROGRAM_MANAGER).get("/admin").statusCode());
        assertEquals(302, new WebSession().get("/admin").statusCode());
    }

    @Test
    void directorySearchesFiltersAndPages() {
        String t = token();
        long alice = person("Alice " + t, 2, 5, 4, true, Role.PROGRAM_MANAGER);
        long bob = person("Bob " + t, 1, 3, 5, false);
        long carol = person("Carol " + t, 1, 5, 4, true, Role.ADMIN);
        WebSession admin = WebSession.withRole("directory-admin", Role.ADMIN);

        assertEquals(List.of("Alice " + t, "Bob " + t, "Carol " + t), names(admin.page("/admin/people?q=" + t)));
        assertEquals(List.of("Bob " + t), names(admin.page("/admin/people?q=BOB." + t.toUpperCase())));
        assertEquals(List.of("Carol " + t), names(admin.page("/admin/people?q=carol." + t + "@example")));
        assertEquals(List.of("Bob " + t, "Carol " + t), names(admin.page("/admin/people?q=" + t + "&department=1")));
        assertEquals(List.of("Alice " + t, "Carol " + t), names(admin.page("/admin/people?q=" + t + "&level=5")));
        assertEquals(List.of("Bob " + t), names(admin.page("/admin/people?q=" + t + "&office=5")));
        assertEquals(List.of("Alice " + t), names(admin.page("/admin/people?q=" + t + "&role=PROGRAM_MANAGER")));
        assertEquals(List.of("Carol " + t), names(admin.page("/admin/people?q=" + t + "&role=ADMIN&active=yes")));
        assertEquals(List.of("Bob " + t), names(admin.page("/admin/people?q=" + t + "&active=no")));
        Document filtered = admin.page("/admin/people?q=" + t + "&level=5&office=4");
        assertEquals("5", filtered.select("select#level option[selected]").attr("value"), "the filter is shown back");
        assertEquals("/admin/people/" + alice, filtered.select("a:contains(Alice)").attr("href"));

        Response bad = admin.get("/admin/people?level=9&role=KING&active=maybe&department=x");
        assertEquals(400, bad.statusCode());
        Document badPage = Jsoup.parse(bad.asString());
        for (String field : List.of("level", "role", "active", "department")) {
            assertNotNull(badPage.selectFirst("#" + field + "-error"), field);
        }

        String many = token();
        for (int i = 0; i < 51; i++) {
            person(String.format("Paged %02d %s", i, many), 3, 2, 1, true);
        }
        Document first = admin.page("/admin/people?q=" + many + "&department=3");
        assertEquals(50, names(first).size());
        assertTrue(first.text().contains("51 people"));
        String next = first.select("nav.pager a:contains(Next)").attr("href");
        assertTrue(next.contains("q=" + many) && next.contains("department=3"), next);
        assertEquals(List.of("Paged 50 " + many), names(admin.page(next)));
        assertTrue(bob > 0 && carol > 0);
    }

    @Test
    void personPageShowsProfileRolesEnrolmentsButNothingConfidential() {
        String t = token();
        long ada = person("Ada " + t, 1, 4, 5, true, Role.PROGRAM_MANAGER);
        long avoided = person("Avoided " + t, 2, 4, 5, true);
        long programId = menteeIn("Bridges " + t, ada);
        QuarkusTransaction.requiringNew().run(() -> {
            DoNotPairEntry secret = new DoNotPairEntry();
            secret.owner = Person.findById(ada);
            secret.colleague = Person.findById(avoided);
            secret.createdAt = Instant.now();
            secret.persist();
        });
        WebSession admin = WebSession.withRole("person-admin", Role.ADMIN);
        Document page = admin.page("/admin/people/" + ada);
        assertEquals("Ada " + t, page.select("h1").text());
        assertTrue(page.select("#profile").text().contains("ada." + t + "@example.com"));
        assertTrue(page.select("#roles").text().contains("PROGRAM_MANAGER"));
        assertEquals("/programs/" + programId, page.select("#enrolments a").attr("href"));
        assertTrue(page.select("#enrolments").text().contains("mentee"));
        assertTrue(page.select("#matches").text().contains("No published matches"));
        assertFalse(page.text().contains("Avoided"), "the do-not-pair list stays confidential");
        assertFalse(page.html().contains("avoided." + t));

        assertEquals(404, admin.get("/admin/people/999999999").statusCode());
        assertEquals(400, admin.get("/admin/people/abc").statusCode(), "not a number: bad input, not a missing person");
        assertEquals(403, WebSession.withRole("person-employee", Role.EMPLOYEE).get("/admin/people/" + ada).statusCode());
        assertEquals(403, WebSession.withRole("person-pm", Role.PROGRAM_MANAGER).get("/admin/people/" + ada)
                .statusCode());
    }

    @Test
    void rolesAreGrantedAndRevokedAndTakeEffectOnTheNextRequest() {
        WebSession target = WebSession.withRole("roles-target", Role.EMPLOYEE);
        long id = WebSession.idOf(target.email);
        WebSession admin = WebSession.withRole("roles-admin", Role.ADMIN);
        String page = "/admin/people/" + id;
        assertEquals(403, target.get("/admin").statusCode());

        Response granted = admin.submit(page, page + "/roles", Map.of("role", Role.ADMIN, "grant", "true"));
        assertEquals(303, granted.statusCode());
        assertEquals(200, target.get("/admin").statusCode(), "the same session is an admin now");
        assertEquals("Revoke admin", admin.page(page).select("#role-admin button").text());

        assertEquals(303, admin.submit(page, page + "/roles", Map.of("role", Role.PROGRAM_MANAGER, "grant", "true"))
                .statusCode());
        assertEquals(303, admin.submit(page, page + "/roles", Map.of("role", Role.ADMIN, "grant", "false"))
                .statusCode());
        assertEquals(403, target.get("/admin").statusCode());
        assertTrue(admin.page(page).select("#roles").text().contains("PROGRAM_MANAGER"));
        List<String> audited = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "subjectType = 'PERSON' and subjectId = ?1 order by id", id).stream().map(e -> e.action + " " + e.details)
                .toList());
        assertEquals(List.of("ROLE_GRANTED ADMIN for " + target.email, "ROLE_GRANTED PROGRAM_MANAGER for " + target.email,
                "ROLE_REVOKED ADMIN for " + target.email), audited);

        // a bad role, a missing CSRF token, a stale page, an unknown person, a non-admin
        Response badRole = admin.submit(page, page + "/roles", Map.of("role", Role.EMPLOYEE, "grant", "false"));
        assertEquals(400, badRole.statusCode());
        assertNotNull(Jsoup.parse(badRole.asString()).selectFirst("#role-error"));
        assertEquals(400, admin.post(page + "/roles", Map.of("role", Role.ADMIN, "grant", "true")).statusCode());
        Document before = admin.page(page);
        String oldVersion = before.select("#role-admin input[name=version]").attr("value");
        admin.submit(page, page + "/roles", Map.of("role", Role.PROGRAM_MANAGER, "grant", "false"));
        assertEquals(409, admin.submit(page, page + "/roles", Map.of("role", Role.ADMIN, "grant", "true",
                "version", oldVersion)).statusCode());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(id).hasRole(Role.ADMIN)),
                "nothing changed by the stale post");
        assertEquals(404, admin.submit(page, "/admin/people/999999999/roles", Map.of("role", Role.ADMIN, "grant",
                "true")).statusCode());
        assertEquals(403, target.submit("/profile", page + "/roles", Map.of("role", Role.ADMIN, "grant", "true"))
                .statusCode());
    }

    @Test
    void deactivationEndsSessionsStopsSignInAndSkipsNewRoundsReactivationRestores() {
        WebSession target = WebSession.withRole("deactivate-target", Role.EMPLOYEE);
        long id = WebSession.idOf(target.email);
        long programId = menteeIn("Skip " + token(), id);
        WebSession admin = WebSession.withRole("deactivate-admin", Role.ADMIN);
        String page = "/admin/people/" + id;
        assertEquals(200, target.get("/profile").statusCode());

        assertEquals(303, admin.submit(page, page + "/deactivate", Map.of()).statusCode());
        assertEquals(302, target.get("/profile").statusCode(), "the open session has ended");
        assertEquals(401, new WebSession().login(target.email, WebSession.PASSWORD).statusCode());
        assertNotNull(admin.page(page).selectFirst("#deactivated"));
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> Enrollment.takingPartOn(
                Program.findById(programId), LocalDate.now()).stream().map(e -> e.person.id).toList()),
                "new rounds skip them");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Enrollment.count("person.id", id)),
                "their history stays");
        assertTrue(admin.page("/admin/people?active=no&q=" + target.email).select("td").eachText()
                .contains("deactivated"));

        assertEquals(303, admin.submit(page, page + "/reactivate", Map.of()).statusCode());
        Response signIn = new WebSession().login(target.email, WebSession.PASSWORD);
        assertEquals(303, signIn.statusCode());
        assertEquals(List.of(id), QuarkusTransaction.requiringNew().call(() -> Enrollment.takingPartOn(
                Program.findById(programId), LocalDate.now()).stream().map(e -> e.person.id).toList()));
        List<String> audited = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "subjectType = 'PERSON' and subjectId = ?1 order by id", id).stream().map(e -> e.action).toList());
        assertEquals(List.of("ACCOUNT_DEACTIVATED", "ACCOUNT_REACTIVATED"), audited);
        assertEquals(403, WebSession.withRole("deactivate-pm", Role.PROGRAM_MANAGER)
                .submit("/profile", page + "/deactivate", Map.of()).statusCode());
    }
}
