package io.bridgeway.people.hrimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PeopleImportPageTest {

    private static RequestSpecification form(WebSession session, String action) {
        String token = session.page("/admin/people/import").select("input[name=csrf-token]").attr("value");
        return session.request().multiPart("csrf-token", token).multiPart("action", action);
    }

    private static long withEmployeeId(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Person.count("employeeId", id));
    }

    @Test
    void aFileIsPreviewedThenImported() {
        WebSession admin = WebSession.withRole("importpage", Role.ADMIN);
        String u = UUID.randomUUID().toString().substring(0, 8);
        String csv = PeopleImportApiTest.HEADER
                + u + "-1," + u + "-1@example.com,Page Person,Engineering,,3,,Berlin,,en,active\n";

        Response preview = form(admin, "preview")
                .multiPart("file", "hr.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/people/import");
        assertEquals(200, preview.statusCode());
        Document page = Jsoup.parse(preview.asString());
        assertTrue(page.select("#import-preview").text().contains("1 to create"));
        assertEquals(csv.strip(), page.select("textarea#csv").val().strip(), "the previewed text is in the box");
        assertEquals(0, withEmployeeId(u + "-1"), "a preview saves nothing");

        Response imported = form(admin, "import").multiPart("csv", page.select("textarea#csv").val())
                .post("/admin/people/import");
        assertEquals(303, imported.statusCode());
        assertEquals(1, withEmployeeId(u + "-1"));
        String flash = admin.request().cookie("bw-flash", imported.getCookie("bw-flash")).get("/admin/people/import").asString();
        assertTrue(Jsoup.parse(flash).select(".flash").text().contains("1 created"), flash);
    }

    @Test
    void errorsAreListedByRowAndColumnAndNothingIsImported() {
        WebSession admin = WebSession.withRole("importpageerr", Role.ADMIN);
        String u = UUID.randomUUID().toString().substring(0, 8);
        String csv = PeopleImportApiTest.HEADER
                + u + "-1," + u + "-1@example.com,Good,Engineering,,3,,Berlin,,en,active\n"
                + u + "-2,bad-mail,Bad,Engineering,,3,,Berlin,Mars/Base,en,active\n";
        Response response = form(admin, "import").multiPart("csv", csv).post("/admin/people/import");
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertEquals(2, page.select("#import-errors tbody tr").size());
        assertEquals("3 email", page.select("#import-errors tbody tr").get(0).select("td").eachText().subList(0, 2)
                .stream().reduce((a, b) -> a + " " + b).orElseThrow());
        assertTrue(page.select("button[value=import]").isEmpty(), "no import button until the preview is clean");
        assertEquals(0, withEmployeeId(u + "-1"));

        Response binary = form(admin, "preview")
                .multiPart("file", "hr.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0}, "application/octet-stream")
                .post("/admin/people/import");
        assertEquals(422, binary.statusCode());
        assertTrue(Jsoup.parse(binary.asString()).select("#import-errors").text().contains("whole file"));
    }

    @Test
    void withoutTheCsrfTokenOrAsAnEmployeeNothingHappens() {
        WebSession admin = WebSession.withRole("importcsrf", Role.ADMIN);
        Response noToken = admin.request().multiPart("action", "import").multiPart("csv", PeopleImportApiTest.HEADER)
                .post("/admin/people/import");
        assertEquals(400, noToken.statusCode());

        WebSession employee = WebSession.withRole("importpageemp", Role.EMPLOYEE);
        assertEquals(403, employee.get("/admin/people/import").statusCode());
        assertEquals(403, employee.request().multiPart("action", "preview").multiPart("csv", "x")
                .post("/admin/people/import").statusCode());
    }
}
