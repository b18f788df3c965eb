package io.bridgeway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Department;
import io.bridgeway.people.Office;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DepartmentsAndOfficesTest {

    static final String PAGE = "/admin/organisation";

    static Document parse(Response response) {
        return Jsoup.parse(response.asString());
    }

    static long departments() {
        return QuarkusTransaction.requiringNew().call(() -> Department.count());
    }

    static long offices() {
        return QuarkusTransaction.requiringNew().call(() -> Office.count());
    }

    @Test
    void departmentsAreAddedRenamedAndDeletedOnlyWhenUnused() {
        WebSession admin = WebSession.withRole("org-admin", Role.ADMIN);
        String name = "Research " + UUID.randomUUID().toString().substring(0, 6);

        assertEquals(303, admin.submit(PAGE, PAGE + "/departments", Map.of("departmentName", "  " + name + " "))
                .statusCode());
        long id = QuarkusTransaction.requiringNew().call(() -> Department.findByName(name).id);
        assertTrue(admin.page(PAGE).select("#department-" + id).text().contains(name));

        long before = departments();
        Response empty = admin.submit(PAGE, PAGE + "/departments", Map.of("departmentName", "   "));
        assertEquals(400, empty.statusCode());
        assertNotNull(parse(empty).selectFirst("#departmentName-error"));
        Response duplicate = admin.submit(PAGE, PAGE + "/departments", Map.of("departmentName", name.toUpperCase()));
        assertEquals(400, duplicate.statusCode());
        assertTrue(parse(duplicate).select("#departmentName-error").text().contains("already called"));
        assertEquals(name.toUpperCase(), parse(duplicate).select("input#departmentName").attr("value"));
        assertEquals(400, admin.submit(PAGE, PAGE + "/departments", Map.of("departmentName", "x".repeat(101)))
                .statusCode());
        assertEquals(before, departments(), "nothing saved");

        String edit = PAGE + "/departments/" + id;
        Response takenName = admin.submit(edit, edit, Map.of("name", "Engineering"));
        assertEquals(400, takenName.statusCode());
        assertNotNull(parse(takenName).selectFirst("#name-error"));
        assertEquals(303, admin.submit(edit, edit, Map.of("name", name + " Lab")).statusCode());
        assertEquals(name + " Lab", QuarkusTransaction.requiringNew().call(() -> Department.<Department>findById(id).name));

        // Engineering (id 1) has people: refused with a reason, kept
        Response used = admin.submit(PAGE, PAGE + "/departments/1/delete", Map.of());
        assertEquals(409, used.statusCode());
        assertTrue(parse(used).select("#departments-error").text().contains("Engineering cannot be deleted"));
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> Department.findById(1L)));

        assertEquals(303, admin.submit(PAGE, PAGE + "/departments/" + id + "/delete", Map.of()).statusCode());
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Department.findById(id)));
        assertEquals(404, admin.get(edit).statusCode());
        assertEquals(404, admin.submit(PAGE, PAGE + "/departments/" + id + "/delete", Map.of()).statusCode());
    }

    @Test
    void officesNeedANameAndAKnownTimeZone() {
        WebSession admin = WebSession.withRole("office-admin", Role.ADMIN);
        String name = "Lisbon " + UUID.randomUUID().toString().substring(0, 6);
        long before = offices();

        Response bad = admin.submit(PAGE, PAGE + "/offices", Map.of("officeName", "", "officeTimeZone", "Mars/Olympus"));
        assertEquals(400, bad.statusCode());
        assertNotNull(parse(bad).selectFirst("#officeName-error"));
        assertTrue(parse(bad).select("#officeTimeZone-error").text().contains("Unknown time zone"));
        assertEquals("Mars/Olympus", parse(bad).select("input#officeTimeZone").attr("value"));
        assertEquals(400, admin.submit(PAGE, PAGE + "/offices", Map.of("officeName", "berlin", "officeTimeZone",
                "Europe/Berlin")).statusCode());
        assertEquals(before, offices(), "nothing saved");

        assertEquals(303, admin.submit(PAGE, PAGE + "/offices", Map.of("officeName", name, "officeTimeZone",
                "Europe/Lisbon")).statusCode());
        long id = QuarkusTransaction.requiringNew().call(() -> Office.findByName(name).id);
        String edit = PAGE + "/offices/" + id;
        Response badZone = admin.submit(edit, edit, Map.of("name", name, "timeZone", ""));
        assertEquals(400, badZone.statusCode());
        assertNotNull(parse(badZone).selectFirst("#timeZone-error"));
        assertEquals(303, admin.submit(edit, edit, Map.of("name", name + " Alfama", "timeZone", "Europe/Lisbon"))
                .statusCode());
        assertEquals(name + " Alfama", QuarkusTransaction.requiringNew().call(() -> Office.<Office>findById(id).name));

        assertEquals(409, admin.submit(PAGE, PAGE + "/offices/5/delete", Map.of()).statusCode(), "Berlin has people");
        assertEquals(303, admin.submit(PAGE, PAGE + "/offices/" + id + "/delete", Map.of()).statusCode());
        assertEquals(before, offices());
    }

    @Test
    void namesAreOneVisibleLine() {
        WebSession admin = WebSession.withRole("org-line-admin", Role.ADMIN);
        long departmentsBefore = departments();
        long officesBefore = offices();
        for (String name : List.of("Research\rEND:VEVENT", "Research\nLab", "Research\tLab", "\u200B", "Lab\u202E")) {
            Response department = admin.submit(PAGE, PAGE + "/departments", Map.of("departmentName", name));
            assertEquals(400, department.statusCode(), name);
            assertNotNull(parse(department).selectFirst("#departmentName-error"), name);
            Response office = admin.submit(PAGE, PAGE + "/offices", Map.of("officeName", name,
                    "officeTimeZone", "Europe/Lisbon"));
            assertEquals(400, office.statusCode(), name);
            assertNotNull(parse(office).selectFirst("#officeName-error"), name);
        }
        Response renamed = admin.submit(PAGE + "/offices/5", PAGE + "/offices/5", Map.of("name", "Berlin\rX-A:",
                "timeZone", "Europe/Berlin"));
        assertEquals(400, renamed.statusCode());
        assertTrue(parse(renamed).select("#name-error").text().contains("one line"));
        assertEquals(departmentsBefore, departments(), "nothing saved");
        assertEquals(officesBefore, offices(), "nothing saved");
        assertEquals("Berlin", QuarkusTransaction.requiringNew().call(() -> Office.<Office>findById(5L).name));
    }

    @Test
    void onlyAdminsManageThem() {
        WebSession employee = WebSession.withRole("org-employee", Role.EMPLOYEE);
        WebSession manager = WebSession.withRole("org-pm", Role.PROGRAM_MANAGER);
        assertEquals(403, employee.get(PAGE).statusCode());
        assertEquals(403, manager.get(PAGE).statusCode());
        assertEquals(403, manager.submit("/profile", PAGE + "/departments", Map.of("departmentName", "Nope"))
                .statusCode());
        WebSession admin = WebSession.withRole("org-csrf", Role.ADMIN);
        assertEquals(400, admin.post(PAGE + "/departments", Map.of("departmentName", "No token")).statusCode());
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Department.findByName("No token")));
    }
}
