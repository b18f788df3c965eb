package io.bridgeway.security;

import static io.bridgeway.rounds.RoundLifecycleTest.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.programs.Enrollment;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A cohort list with an address the mailer would reject is refused whole, on the page and in the API. */
@QuarkusTest
class CohortRefusesUnsendableEmailTest {

    static long programme(String pm) {
        int id = as(pm).body("""
                {"name": "Cohort rule", "type": "MENTORING", "enrollmentOpens": "%s", "enrollmentCloses": "%s"}
                """.formatted(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)))
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
        return id;
    }

    static long enrolled(long programId) {
        return QuarkusTransaction.requiringNew().call(() -> Enrollment.count("program.id", programId));
    }

    @Test
    void theApiRefusesTheWholeListAndNamesTheBadAddress() {
        String pm = WebSession.withRole("cohortrule", Role.PROGRAM_MANAGER).email;
        long id = programme(pm);
        String good = WebSession.uniqueEmail("cohortgood");
        WebSession.signedUp(good, Map.of());
        as(pm).body(Map.of("asMentee", true, "emails", java.util.List.of(good, "smith<john@example.com")))
                .post("/api/v1/programs/" + id + "/enrollments")
                .then().statusCode(400).body("fields.emails", containsString("smith<john@example.com"));
        assertEquals(0, enrolled(id), "nobody enrolled, not even the good address");
    }

    @Test
    void theCohortFormShowsTheErrorAtTheEmailsField() {
        WebSession manager = WebSession.withRole("cohortform", Role.PROGRAM_MANAGER);
        long id = programme(manager.email);
        String good = WebSession.uniqueEmail("cohortformgood");
        WebSession.signedUp(good, Map.of());
        Response response = manager.submit("/programs/" + id, "/programs/" + id + "/cohort",
                Map.of("emails", good + "\n\"quoted\"@example.com\nname@nodot", "asMentee", "true"));
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        String error = page.select("#emails-error").text();
        assertTrue(error.contains("\"quoted\"@example.com") && error.contains("name@nodot")
                && !error.contains(good), error);
        assertEquals(1, page.select(".error-summary a[href=#emails]").size());
        assertEquals(0, enrolled(id));
    }
}
