package io.bridgeway.programs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgramApiTest {

    static RequestSpecification as(String email) {
        return given().auth().preemptive().basic(email, WebSession.PASSWORD).contentType("application/json");
    }

    static String validProgram(String name) {
        return """
                {"name": "%s", "type": "BOTH", "enrollmentOpens": "%s", "enrollmentCloses": "%s",
                 "circleStartDate": "%s", "crossDepartmentRequired": true, "maxOffsetDiffHours": 6}
                """.formatted(name, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), LocalDate.now().plusWeeks(5));
    }

    @Test
    void managerCreatesAndReadsAProgramme() {
        String pm = WebSession.withRole("apipm", Role.PROGRAM_MANAGER).email;
        int id = as(pm).body(validProgram("API programme")).post("/api/v1/programs")
                .then().statusCode(201)
                .body("name", equalTo("API programme"))
                .body("crossDepartmentRequired", equalTo(true))
                .body("maxOffsetDiffMinutes", equalTo(360))
                .body("weightGoalSkill", equalTo(10))
                .body("weightPreviousPair", equalTo(40))
                .extract().path("id");
        as(pm).get("/api/v1/programs/" + id).then().statusCode(200).body("type", equalTo("BOTH")).body("enrolled", equalTo(0));
        as(pm).get("/api/v1/programs/999999").then().statusCode(404).body("error", notNullValue());
    }

    @Test
    void badProgrammesGetA400NamingTheProblemAndAreNotStored() {
        String pm = WebSession.withRole("apipmbad", Role.PROGRAM_MANAGER).email;
        long before = QuarkusTransaction.requiringNew().call(() -> Program.count());
        as(pm).body("{not json").post("/api/v1/programs").then().statusCode(400).body("error", containsString("Malformed JSON"));
        as(pm).body("[1,2]").post("/api/v1/programs").then().statusCode(400).body("error", containsString("JSON object"));
        as(pm).body("{\"name\":\"x\",\"colour\":\"red\"}").post("/api/v1/programs")
                .then().statusCode(400).body("error", containsString("Unknown field 'colour'"));
        as(pm).body("{\"name\":\"\",\"type\":\"MENTORING\",\"enrollmentOpens\":\"tomorrow\",\"enrollmentCloses\":\"2027-01-01\",\"weightGoalSkill\":5000}")
                .post("/api/v1/programs").then().statusCode(400)
                .body("fields.name", notNullValue())
                .body("fields.enrollmentOpens", containsString("date like"))
                .body("fields.weightGoalSkill", containsString("from 0 to 1000"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Program.count()));
    }

    @Test
    void employeesCannotCreateProgrammesButCanEnrollThemselves() {
        String pm = WebSession.withRole("apipmowner", Role.PROGRAM_MANAGER).email;
        int id = as(pm).body(validProgram("Self service")).post("/api/v1/programs").then().statusCode(201).extract().path("id");
        String employee = WebSession.uniqueEmail("apiemp");
        WebSession.signedUp(employee, Map.of());
        as(employee).body(validProgram("Nope")).post("/api/v1/programs").then().statusCode(403);

        as(employee).body("{\"asMentee\": true, \"goals\": \"negotiation\"}").post("/api/v1/programs/" + id + "/enrollments")
                .then().statusCode(200).body("enrolled", hasItem(employee));
        as(employee).body("{}").post("/api/v1/programs/" + id + "/enrollments")
                .then().statusCode(400).body("fields.roles", containsString("at least one"));
        as(employee).body("{\"emails\": [\"someone@example.com\"], \"asMentee\": true}")
                .post("/api/v1/programs/" + id + "/enrollments").then().statusCode(403);
        as(pm).get("/api/v1/programs/" + id).then().body("enrolled", equalTo(1));
    }

    @Test
    void managerEnrollsACohortThroughTheApi() {
        String pm = WebSession.withRole("apipmcohort", Role.PROGRAM_MANAGER).email;
        int id = as(pm).body(validProgram("API cohort")).post("/api/v1/programs").then().statusCode(201).extract().path("id");
        String person = WebSession.uniqueEmail("apicohort");
        WebSession.signedUp(person, Map.of());
        as(pm).body("{\"emails\": [\"" + person + "\", \"nobody@example.com\"], \"asMentor\": true, \"mentorCapacity\": 2}")
                .post("/api/v1/programs/" + id + "/enrollments")
                .then().statusCode(200)
                .body("enrolled", hasItem(person))
                .body("notFound", hasItem("nobody@example.com"));
        as(pm).body("{\"emails\": [\"" + person + "\"], \"asMentor\": true, \"mentorCapacity\": 0}")
                .post("/api/v1/programs/" + id + "/enrollments")
                .then().statusCode(400).body("fields.mentorCapacity", containsString("from 1 to 5"));
    }

    @Test
    void controlCharactersAndOversizedPagesAndCohortsGet400() {
        String pm = WebSession.withRole("pmapictl", Role.PROGRAM_MANAGER).email;
        long before = QuarkusTransaction.requiringNew().call(() -> Program.count());
        as(pm).body(validProgram("Null byte").replace("\"name\"", "\"description\": \"a\\u0000b\", \"name\""))
                .post("/api/v1/programs").then().statusCode(400)
                .body("fields.description", containsString("control characters"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Program.count()), "nothing stored");
        // a programme's name goes into every meeting's calendar summary: one visible line
        for (String name : new String[] {"Circles\\rEND:VEVENT\\rBEGIN:VEVENT", "Two\\nlines", "Tab\\tbed", "\\u200B",
                "Circles\\u202E"}) {
            as(pm).body(validProgram(name)).post("/api/v1/programs").then().statusCode(400)
                    .body("fields.name", startsWith("A name must"));
        }
        as(pm).body(validProgram("Ok").replace("\"name\"", "\"description\": \"line one\\r\\nline two\", \"name\""))
                .post("/api/v1/programs").then().statusCode(201);
        assertEquals(before + 1, (long) QuarkusTransaction.requiringNew().call(() -> Program.count()),
                "only the programme with a multi-line description is stored");

        as(pm).get("/api/v1/programs?size=501").then().statusCode(400).body("field", equalTo("size"));
        as(pm).get("/api/v1/programs?size=0").then().statusCode(400);
        as(pm).get("/api/v1/programs?size=500").then().statusCode(200);

        int id = as(pm).body(validProgram("Big cohort")).post("/api/v1/programs").then().statusCode(201)
                .extract().path("id");
        String emails = java.util.stream.IntStream.range(0, 5_001).mapToObj(i -> "\"p" + i + "@example.com\"")
                .collect(java.util.stream.Collectors.joining(","));
        as(pm).body("{\"emails\": [" + emails + "], \"asMentee\": true}").post("/api/v1/programs/" + id + "/enrollments")
                .then().statusCode(400).body("fields.emails", containsString("at most 5000"));
    }

    @Test
    void aCircleScheduleEndingAfterTheYear9999Gets400() {
        String pm = WebSession.withRole("pmapilast", Role.PROGRAM_MANAGER).email;
        long before = QuarkusTransaction.requiringNew().call(() -> Program.count());
        as(pm).body(validProgram("Year 10002").replace("\"circleStartDate\": \"" + LocalDate.now().plusWeeks(5) + "\"",
                        "\"circleStartDate\": \"9999-12-27\", \"circleRounds\": 12, \"circleCadenceWeeks\": 12"))
                .post("/api/v1/programs").then().statusCode(400).body("fields.circleStartDate", notNullValue());
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Program.count()), "nothing stored");
    }

    @Test
    void aYesOrNoSettingMustBeTrueOrFalse() {
        String pm = WebSession.withRole("pmapibool", Role.PROGRAM_MANAGER).email;
        long before = QuarkusTransaction.requiringNew().call(() -> Program.count());
        for (String value : List.of("\"maybe\"", "\"yes\"", "1", "\"TRUE\"")) {
            as(pm).body(validProgram("Maybe").replace("\"crossDepartmentRequired\": true",
                            "\"crossDepartmentRequired\": " + value))
                    .post("/api/v1/programs").then().statusCode(400)
                    .body("error", equalTo("'crossDepartmentRequired' must be true or false."));
        }
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Program.count()), "nothing stored");
        as(pm).body(validProgram("Text true").replace("\"crossDepartmentRequired\": true",
                        "\"crossDepartmentRequired\": \"true\""))
                .post("/api/v1/programs").then().statusCode(201).body("crossDepartmentRequired", equalTo(true));
    }

    @Test
    void aCohortFilterNobodyCouldMatchGets400AndEnrollsNobody() {
        String pm = WebSession.withRole("pmapifilter", Role.PROGRAM_MANAGER).email;
        int id = as(pm).body(validProgram("Filter checks")).post("/api/v1/programs").then().statusCode(201)
                .extract().path("id");
        String enroll = "/api/v1/programs/" + id + "/enrollments";
        as(pm).body("{\"minLevel\": 9, \"maxLevel\": -1, \"asMentee\": true}").post(enroll).then().statusCode(400)
                .body("fields.minLevel", containsString("from 1 to 8")).body("fields.maxLevel", containsString("from 1 to 8"));
        as(pm).body("{\"minLevel\": 5, \"maxLevel\": 2, \"asMentee\": true}").post(enroll).then().statusCode(400)
                .body("fields.maxLevel", containsString("below the lowest"));
        as(pm).body("{\"departmentId\": 999999, \"asMentee\": true}").post(enroll).then().statusCode(400)
                .body("fields.departmentId", containsString("no such department"));
        as(pm).body("{\"officeId\": 999999, \"asMentee\": true}").post(enroll).then().statusCode(400)
                .body("fields.officeId", containsString("no such office"));
        as(pm).get("/api/v1/programs/" + id).then().body("enrolled", equalTo(0));
    }
}
