package io.bridgeway.people.hrimport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.audit.AuditEntry;
import io.bridgeway.people.Person;
import io.bridgeway.security.PasswordReset;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PeopleImportApiTest {

    static final String HEADER = "employee_id,email,name,department,title,level,manager,office,time_zone,languages,status\n";

    static String admin;

    static RequestSpecification asAdmin() {
        if (admin == null) {
            admin = WebSession.withRole("importadmin", Role.ADMIN).email;
        }
        return given().auth().preemptive().basic(admin, WebSession.PASSWORD).contentType("text/csv");
    }

    static Response post(String csv, boolean dryRun) {
        return post(csv.getBytes(StandardCharsets.UTF_8), dryRun);
    }

    static Response post(byte[] csv, boolean dryRun) {
        return asAdmin().body(csv).post("/api/v1/people/import?dryRun=" + dryRun);
    }

    /** A fresh prefix, so ids and emails never meet those of another test. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static <T> T read(String employeeId, Function<Person, T> what) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person person = Person.find("employeeId", employeeId).firstResult();
            return person == null ? null : what.apply(person);
        });
    }

    static long people() {
        return QuarkusTransaction.requiringNew().call(() -> Person.count());
    }

    @Test
    void importsPeopleWithReportingLinesAndNoPassword() {
        String u = unique();
        String csv = HEADER
                + u + "-1," + u + "-boss@example.com,Bea Boss,Engineering,VP Engineering,7,,Berlin,,en;de,active\n"
                + u + "-2," + u + "-ann@example.com,Ann Lead,product,Product Lead,Lead," + u + "-boss@example.com,london,Europe/London,en,active\n"
                + u + "-3," + u + "-cy@example.com,-Cy Dash,Design,Designer,2," + u + "-2,New York,America/New_York,,\n";
        long before = people();
        post(csv, true).then().statusCode(200).body("created", equalTo(3)).body("errors", hasSize(0));
        assertEquals(before, people(), "a dry run writes nothing");

        post(csv, false).then().statusCode(200)
                .body("created", equalTo(3)).body("updated", equalTo(0)).body("deactivated", equalTo(0));
        assertEquals(before + 3, people());
        assertEquals("Bea Boss", read(u + "-1", p -> p.fullName));
        assertEquals("Engineering", read(u + "-1", p -> p.department.name));
        assertEquals("Europe/Berlin", read(u + "-1", p -> p.timeZone), "no zone: the office's");
        assertEquals(Set.of("en", "de"), read(u + "-1", p -> Set.copyOf(p.languages)));
        assertEquals(Integer.valueOf(4), read(u + "-2", p -> p.level), "a level by its name");
        assertEquals("London", read(u + "-2", p -> p.office.name), "offices match whatever the case");
        assertEquals(u + "-1", read(u + "-2", p -> p.manager.employeeId), "manager by email");
        assertEquals(u + "-2", read(u + "-3", p -> p.manager.employeeId), "manager by employee id");
        assertEquals("-Cy Dash", read(u + "-3", p -> p.fullName), "a leading '-' is kept as text");
        assertNull(read(u + "-3", p -> p.passwordHash));
        assertEquals(Set.of(Role.EMPLOYEE), read(u + "-3", p -> Set.copyOf(p.roles)));
        assertEquals(Boolean.TRUE, read(u + "-3", p -> p.active));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = ?1 and actorEmail = ?2 and details like ?3", "PEOPLE_IMPORTED", admin, "%created=3%")) > 0);

        // Imported people have no password: "Forgot password" gives them one.
        new WebSession().submit("/password/forgot", "/password/forgot", Map.of("email", u + "-cy@example.com"))
                .then().statusCode(303);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(
                () -> PasswordReset.count("person.email", u + "-cy@example.com")));
    }

    @Test
    void everyRowErrorNamesItsRowAndColumnAndNothingIsWritten() {
        String u = unique();
        post(HEADER + u + "-taken," + u + "-taken@example.com,Taken,Engineering,,3,,Berlin,,en,active\n", false)
                .then().statusCode(200);
        String csv = HEADER
                + u + "-ok," + u + "-ok@example.com,Fine Row,Engineering,,3,,Berlin,,en,active\n"          // 2
                + u + "-a,not-an-email,Bad Mail,Engineering,,3,,Berlin,,en,active\n"                         // 3
                + u + "-b," + u + "-b@example.com,No Boss,Engineering,,3,nobody@example.com,Berlin,,en,active\n" // 4
                + u + "-c," + u + "-c@example.com,Bad Zone,Engineering,,3,,Berlin,Mars/Olympus,en,active\n"    // 5
                + u + "-d," + u + "-d@example.com,Bad Dept,Alchemy,,3,,Berlin,,en,active\n"                  // 6
                + u + "-e," + u + "-e@example.com,Bad Office,Engineering,,3,,Atlantis,,en,active\n"          // 7
                + u + "-f," + u + "-f@example.com,Bad Level,Engineering,,12,,Berlin,,en,active\n"            // 8
                + u + "-g," + u + "-g@example.com,Bad Status,Engineering,,3,,Berlin,,en,retired\n"           // 9
                + u + "-ok," + u + "-h@example.com,Same Id,Engineering,,3,,Berlin,,en,active\n"              // 10
                + u + "-i," + u + "-ok@example.com,Same Mail,Engineering,,3,,Berlin,,en,active\n"            // 11
                + u + "-j," + u + "-taken@example.com,Clash,Engineering,,3,,Berlin,,en,active\n"             // 12
                + u + "-k," + u + "-k@example.com,Bad Language,Engineering,,3,,Berlin,,xx,active\n"          // 13
                + u + "-l,,No Mail,Engineering,,3,,Berlin,,en,active\n"                                      // 14
                + "," + u + "-m@example.com,No Id,Engineering,,3,,Berlin,,en,active\n"                       // 15
                + u + "-n," + u + "-n@example.com,,Engineering,,3,,Berlin,,en,active\n";                     // 16
        long before = people();
        Response response = post(csv, false);
        response.then().statusCode(422).body("created", equalTo(0));
        List<String> errors = response.jsonPath().getList("errors", Map.class).stream()
                .map(e -> e.get("row") + ":" + e.get("column")).toList();
        assertEquals(List.of("3:email", "4:manager", "5:time_zone", "6:department", "7:office", "8:level", "9:status",
                "10:employee_id", "11:email", "12:email", "13:languages", "14:email", "15:employee_id", "16:name"), errors);
        response.then().body("errors[1].message", containsString("Unknown manager 'nobody@example.com'"))
                .body("errors[7].message", containsString("also on row 2"))
                .body("errors[9].message", containsString("belongs to the person with employee id"));
        assertEquals(before, people(), "all or nothing: not even the good row");
        assertNull(read(u + "-ok", p -> p.id));
    }

    @Test
    void namesTitlesAndIdsMustBeOneVisibleLineAndANameNeedsALetter() {
        String u = unique();
        String csv = HEADER
                + u + "-a," + u + "-a@example.com,\"K\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:HR: urgent\",Engineering,,3,,Berlin,,en,\n" // 2
                + u + "-b," + u + "-b@example.com,\u200B,Engineering,,3,,Berlin,,en,\n"                           // 3
                + u + "-c," + u + "-c@example.com,Cy Lee,Engineering,\"Lead\nEngineer\",3,,Berlin,,en,\n"        // 4
                + u + "-\td," + u + "-d@example.com,Di Lee,Engineering,,3,,Berlin,,en,\n"                         // 5
                + u + "-e," + u + "-e@example.com,Ann \u202Eeel,Engineering,,3,,Berlin,,en,\n"                    // 6
                + u + "-f," + u + "-f@example.com,12 34,Engineering,,3,,Berlin,,en,\n"                             // 7
                + u + "-g," + u + "-g@example.com,Zoë Ødegård-李,Engineering,\u05DE\u05E0\u05D4\u05DC,3,,Berlin,,en,\n"; // 8
        long before = people();
        Response response = post(csv, false);
        response.then().statusCode(422).body("created", equalTo(0));
        List<String> errors = response.jsonPath().getList("errors", Map.class).stream()
                .map(e -> e.get("row") + ":" + e.get("column")).toList();
        assertEquals(List.of("2:name", "3:name", "4:title", "5:employee_id", "6:name", "7:name"), errors);
        response.then().body("errors[0].message", containsString("one line"))
                .body("errors[1].message", containsString("invisible"))
                .body("errors[5].message", containsString("letter"));
        assertEquals(before, people(), "nothing written");
        post(HEADER + u + "-g," + u + "-g@example.com,Zoë Ødegård-李,Engineering,\u05DE\u05E0\u05D4\u05DC,3,,Berlin,,en,\n",
                false).then().statusCode(200).body("created", equalTo(1));
        assertEquals("Zoë Ødegård-李", read(u + "-g", p -> p.fullName), "letters of any script and direction");
    }

    @Test
    void loopsInTheReportingLinesAreFoundInTheFileAndThroughPeopleAlreadyHere() {
        String u = unique();
        Response inFile = post(HEADER
                + u + "-1," + u + "-1@example.com,One,Engineering,,3," + u + "-2,Berlin,,en,active\n"
                + u + "-2," + u + "-2@example.com,Two,Engineering,,3," + u + "-1@example.com,Berlin,,en,active\n"
                + u + "-3," + u + "-3@example.com,Self,Engineering,,3," + u + "-3,Berlin,,en,active\n", false);
        inFile.then().statusCode(422).body("errors", hasSize(3))
                .body("errors[0].column", equalTo("manager"))
                .body("errors[0].message", containsString("loop: One (row 2) → Two (row 3) → One (row 2)"));

        // x reports to y; a later file makes y report to x (x is not in that file).
        post(HEADER + u + "-y," + u + "-y@example.com,Yan,Engineering,,5,,Berlin,,en,active\n"
                + u + "-x," + u + "-x@example.com,Xia,Engineering,,3," + u + "-y,Berlin,,en,active\n", false)
                .then().statusCode(200);
        post(HEADER + u + "-y," + u + "-y@example.com,Yan,Engineering,,5," + u + "-x,Berlin,,en,active\n", true)
                .then().statusCode(422).body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString("Xia"));
    }

    @Test
    void reImportingUpdatesByEmployeeIdAndNeverDuplicates() {
        String u = unique();
        String csv = HEADER + u + "-1," + u + "-1@example.com,Reo Peat,Engineering,Engineer,3,,Berlin,,en,active\n"
                + u + "-2," + u + "-2@example.com,Ida Em,Engineering,Engineer,3," + u + "-1,Berlin,,en,active\n";
        post(csv, false).then().statusCode(200).body("created", equalTo(2));
        long after = people();
        post(csv, false).then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("deactivated", equalTo(0));
        post(csv.replace("Engineer,3,,", "Staff Engineer,4,,").replace(u + "-2@example.com", u + "-2b@example.com"), false)
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(2));
        assertEquals(after, people());
        assertEquals("Staff Engineer", read(u + "-1", p -> p.jobTitle));
        assertEquals(u + "-2b@example.com", read(u + "-2", p -> p.email), "a changed email follows the employee id");
    }

    @Test
    void leaversAreDeactivatedSignedOutAndKept() {
        String u = unique();
        String active = HEADER + u + "-1," + u + "-1@example.com,Lee Ver,Sales,,3,,London,,en,active\n";
        post(active, false).then().statusCode(200);
        long id = read(u + "-1", p -> p.id);
        int sessions = read(u + "-1", p -> p.sessionVersion);
        post(active.replace(",active\n", ",leaver\n"), false).then().statusCode(200)
                .body("deactivated", equalTo(1)).body("updated", equalTo(0));
        assertEquals(Boolean.FALSE, read(u + "-1", p -> p.active));
        assertEquals(Long.valueOf(id), read(u + "-1", p -> p.id), "the person and their history stay");
        assertEquals(Integer.valueOf(sessions + 1), read(u + "-1", p -> p.sessionVersion), "every session ended");
        post(active.replace(",active\n", ",leaver\n"), false).then().statusCode(200).body("deactivated", equalTo(0));
        post(active, false).then().statusCode(200).body("updated", equalTo(1));
        assertEquals(Boolean.TRUE, read(u + "-1", p -> p.active), "a returning employee is active again");
    }

    @Test
    void whatEmployeesFilledInThemselvesIsNeverOverwritten() {
        String u = unique();
        String email = u + "-self@example.com";
        WebSession.signedUp(email, Map.of()); // skills java and public-speaking, goals, bio, availability, de+en
        String before = QuarkusTransaction.requiringNew().call(() -> selfFilled(Person.findByEmail(email)));
        post(HEADER + u + "-7," + email + ",Self Filled,Finance,Controller,5,,Sydney,,,active\n", false)
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1));
        assertEquals(before, read(u + "-7", PeopleImportApiTest::selfFilled));
        assertEquals("Finance", read(u + "-7", p -> p.department.name), "HR owns the organisation fields");
        assertEquals("Europe/Berlin", read(u + "-7", p -> p.timeZone), "an empty zone keeps the person's own");
        assertNotNull(read(u + "-7", p -> p.passwordHash), "the password stays");
    }

    static String selfFilled(Person p) {
        return p.skills + "|" + p.goals + "|" + p.availability + "|" + p.bio + "|" + p.wantsToMentor + "|"
                + p.mentorCapacity + "|" + p.wantsMentor + "|" + p.wantsCircle + "|" + p.languages + "|" + p.roles;
    }

    @Test
    void hostileFilesGetAClearErrorNeverA500() {
        fileError(new byte[0], "empty");
        fileError(new byte[] {'e', 'm', 'a', 'i', 'l', 0, 1, 2, (byte) 0xFF}, "binary");
        fileError(new byte[] {'P', 'K', 3, 4, 20, 0}, "spreadsheet");
        fileError((HEADER + "1,m@example.com,M\u00fcller,,,,,,,,\n").getBytes(StandardCharsets.ISO_8859_1), "not UTF-8");
        fileError("just some words\nmore words\n".getBytes(StandardCharsets.UTF_8), "header");
        fileError("employee_id,email,name,salary\n1,a@example.com,A,100\n".getBytes(StandardCharsets.UTF_8),
                "Unknown column 'salary'");
        fileError((HEADER + "1,\"a@example.com,A\n").getBytes(StandardCharsets.UTF_8), "not valid CSV");
        fileError("employee_id,email\n1,a@example.com\n".getBytes(StandardCharsets.UTF_8), "no 'name' column");

        byte[] tooLarge = new byte[(int) (10L * 1024 * 1024) + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        post(tooLarge, true).then().statusCode(413).body("error", containsString("larger than the limit"));
        given().auth().preemptive().basic(admin, WebSession.PASSWORD).contentType("application/json").body("{}")
                .post("/api/v1/people/import").then().statusCode(415);
    }

    private static void fileError(byte[] content, String message) {
        post(content, true).then().statusCode(422).body("errors", hasSize(1))
                .body("errors[0].row", equalTo(0)).body("errors[0].message", containsString(message));
    }

    @Test
    void bomCrlfSemicolonsAndFormulaCellsImportAsText() {
        String u = unique();
        String csv = "\uFEFFEmployee ID;Email;Name;Department;Title;Level;Manager;Office;Time zone;Languages;Status\r\n"
                + u + "-1;" + u + "-1@example.com;\"=cmd|' /C calc'!A0\";Engineering;\"Lead, Platform\";3;;Berlin;;\"en;de\";active\r\n"
                + u + "-2;" + u + "-2@example.com;@Sum;Legal;+1 title;3;" + u + "-1;Berlin;;en;active\r\n";
        post(csv, false).then().statusCode(200).body("created", equalTo(2));
        assertEquals("=cmd|' /C calc'!A0", read(u + "-1", p -> p.fullName), "stored as plain text, never evaluated");
        assertEquals("Lead, Platform", read(u + "-1", p -> p.jobTitle));
        assertEquals(Set.of("en", "de"), read(u + "-1", p -> Set.copyOf(p.languages)));
        assertEquals("@Sum", read(u + "-2", p -> p.fullName));
        assertEquals(u + "-1", read(u + "-2", p -> p.manager.employeeId));
    }

    @Test
    void onlyAdminsMayImport() {
        String employee = WebSession.uniqueEmail("importemp");
        WebSession.signedUp(employee, Map.of());
        given().auth().preemptive().basic(employee, WebSession.PASSWORD).contentType("text/csv").body(HEADER)
                .post("/api/v1/people/import").then().statusCode(403);
        String manager = WebSession.withRole("importpm", Role.PROGRAM_MANAGER).email;
        given().auth().preemptive().basic(manager, WebSession.PASSWORD).contentType("text/csv").body(HEADER)
                .post("/api/v1/people/import").then().statusCode(403);
        given().contentType("text/csv").body(HEADER).post("/api/v1/people/import").then().statusCode(401);
    }


    @Test
    void aDryRunOtherThanTrueOrFalseIsRefusedAndImportsNothing() {
        String u = unique();
        String csv = HEADER + u + "-1," + u + "-1@example.com,Dee Ry,Sales,,3,,London,,en,active\n";
        long before = people();
        for (String odd : List.of("yes", "1", "on", "truee")) {
            Response response = asAdmin().body(csv).post("/api/v1/people/import?dryRun=" + odd);
            assertEquals(400, response.statusCode(), odd);
            assertTrue(response.asString().contains("dryRun must be true or false"), response.asString());
        }
        asAdmin().body(csv).post("/api/v1/people/import?dryRun=TRUE").then().statusCode(200).body("created", equalTo(1));
        assertEquals(before, people(), "neither the refused nor the dry runs imported anyone");
        asAdmin().body(csv).post("/api/v1/people/import").then().statusCode(200).body("created", equalTo(1));
        assertEquals(before + 1, people(), "without dryRun the import runs, as documented");
    }

    @Test
    void anImportThatWouldLeaveNoActiveAdminIsRefusedAndChangesNothing() {
        asAdmin(); // the importing admin exists before the admins are counted
        String u = unique();
        record Admin(String employeeId, String email) {
        }
        List<Admin> admins = QuarkusTransaction.requiringNew().call(() -> Person.<Person>list(
                "select p from Person p join p.roles r where r = ?1 and p.active = true", Role.ADMIN).stream()
                .map(p -> new Admin(p.employeeId, p.email)).toList());
        assertTrue(admins.size() >= 2, "the test DB's admin and this test's importer: " + admins);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < admins.size(); i++) {
            Admin a = admins.get(i);
            String id = a.employeeId() == null ? u + "-" + i : a.employeeId();
            csv.append(id).append(',').append(a.email()).append(",Ad Min,Sales,,3,,London,,en,leaver\n");
        }
        for (boolean dryRun : new boolean[] {true, false}) {
            Response refused = post(csv.toString(), dryRun);
            assertEquals(422, refused.statusCode(), refused.asString());
            assertTrue(refused.asString().contains("would leave no active admin"), refused.asString());
            assertEquals(admins.size(), (int) refused.path("errors.size()"), "one error per admin row");
        }
        long stillActive = QuarkusTransaction.requiringNew().call(() -> Person.countWithRole(Role.ADMIN));
        assertEquals(admins.size(), stillActive, "every admin is still active");
        for (Admin a : admins) {
            assertEquals(a.employeeId(), QuarkusTransaction.requiringNew()
                    .call(() -> Person.findByEmail(a.email()).employeeId), "not even an employee id given: " + a);
        }

        // With another admin left, an admin can leave.
        String spare = WebSession.withRole("spareadmin", Role.ADMIN).email;
        post(HEADER + u + "-spare," + spare + ",Spa Re,Sales,,3,,London,,en,leaver\n", false).then().statusCode(200)
                .body("deactivated", equalTo(1));
        assertEquals(admins.size(), QuarkusTransaction.requiringNew().call(() -> Person.countWithRole(Role.ADMIN)));
    }
}
