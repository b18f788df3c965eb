package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.bridgeway.programs.ProgramPagesTest;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Malformed requests are the client's fault: a 4xx in plain words, never a 500 or a Java class name. */
@QuarkusTest
class BadInputGets4xxTest {

    private static String manager;

    static RequestSpecification api() {
        if (manager == null) {
            manager = WebSession.withRole("badinput", Role.PROGRAM_MANAGER).email;
        }
        return RestAssured.given().auth().preemptive().basic(manager, WebSession.PASSWORD);
    }

    /** A client error whose message names nothing of our internals. */
    static String assertClientError(int expected, Response response, String what) {
        String body = response.asString();
        assertEquals(expected, response.statusCode(), what + ": " + body);
        for (String internal : List.of("java.", "com.fasterxml", "io.bridgeway", "jakarta.", "Exception")) {
            assertFalse(body.contains(internal), what + " names " + internal + ": " + body);
        }
        return body;
    }

    /** Sends the body bytes exactly as given, whatever the content type says. */
    static RequestSpecification raw(RequestSpecification request, String contentType) {
        return request.config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs(contentType.split(";")[0], ContentType.BINARY)
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).contentType(contentType);
    }

    static byte[] bytes(String before, int invalid, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.write(invalid);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void solveEndpointsRefuseNullEmptyAndNonJsonBodies() {
        for (String solver : List.of("pairing", "circles")) {
            String path = "/api/v1/solve/" + solver + "?seconds=1";
            Map<String, String> bodies = Map.of("null", "null", "empty", "", "array", "[]", "text", "hello",
                    "unfinished", "{\"people\": [", "trailing", "{} {}", "wrong type", "{\"people\": 5, \"rounds\": \"x\"}");
            bodies.forEach((what, body) -> {
                String error = assertClientError(400, api().contentType("application/json").body(body).post(path),
                        solver + " " + what);
                assertTrue(error.contains("\"error\""), "a JSON error: " + error);
            });
            assertClientError(400, api().contentType("application/json").body(bytes("{\"name\": \"", 0xFF, "\"}"))
                    .post(path), solver + " invalid UTF-8");
        }
    }

    @Test
    void freeUtcHoursOutOfTheWeekGet400NamingTheField() {
        String body = "{\"kind\": \"pairing\", \"people\": [{\"id\": \"a\", \"level\": 5},"
                + " {\"id\": \"b\", \"level\": 1, \"freeUtcHours\": [9, 200]}],"
                + " \"mentors\": [{\"personId\": \"a\", \"capacity\": 1}], \"mentees\": [{\"personId\": \"b\"}]}";
        String error = assertClientError(400, api().contentType("application/json").body(body)
                .post("/api/v1/solve/pairing?seconds=1"), "pairing freeUtcHours 200");
        assertTrue(error.contains("people[1].freeUtcHours[1] must be an integer hour of the week 0..167"), error);
    }

    @Test
    void typeMismatchesInJsonBodiesAreDescribedInPlainWords() {
        String force = assertClientError(400, api().contentType("application/json")
                .body("{\"mentorId\": \"abc\", \"menteeId\": 1, \"version\": 0}").post("/api/v1/rounds/1/pairs"), "force");
        assertTrue(force.contains("mentorId") && force.contains("a whole number"), force);
        // read as 1 before: a script's slip acted on another person
        String decimal = assertClientError(400, api().contentType("application/json")
                .body("{\"mentorId\": 1.5, \"menteeId\": 1, \"version\": 0}").post("/api/v1/rounds/1/pairs"), "decimal id");
        assertTrue(decimal.contains("mentorId") && decimal.contains("a whole number"), decimal);
        String capacity = assertClientError(400, api().contentType("application/json")
                .body("{\"asMentor\": true, \"mentorCapacity\": 2.5}").post("/api/v1/programs/1/enrollments"), "decimal capacity");
        assertTrue(capacity.contains("mentorCapacity") && capacity.contains("a whole number"), capacity);
        // the last key won before: which mentor was meant is not for the server to guess
        // (the REST layer's reader answers a parse error in its own general words)
        assertClientError(400, api().contentType("application/json")
                .body("{\"mentorId\": 1, \"mentorId\": 2, \"menteeId\": 3, \"version\": 0}").post("/api/v1/rounds/1/pairs"),
                "a key sent twice");
        String programme = assertClientError(400, api().contentType("application/json")
                .body("{\"name\": \"A\", \"name\": \"B\"}").post("/api/v1/programs"), "a programme key sent twice");
        assertTrue(programme.contains("Duplicate field 'name'"), programme);
        String program = assertClientError(400, api().contentType("application/json")
                .body("{\"name\": [\"x\"]}").post("/api/v1/programs"), "programme");
        assertTrue(program.contains("name"), program);
        assertClientError(400, api().contentType("application/json").body("{\"asMentor\": \"maybe\"}")
                .post("/api/v1/programs/1/enrollments"), "enrollment");
        assertClientError(400, api().contentType("application/json").body(bytes("{\"goals\": \"", 0xC3, "\"}"))
                .post("/api/v1/programs/1/enrollments"), "invalid UTF-8 in a JSON body");
    }

    @Test
    void nonNumericIdsAndPageNumbersAre400NotNotFound() {
        WebSession admin = WebSession.withRole("badinputadmin", Role.ADMIN);
        for (String path : List.of("/programs/abc", "/programs/1?page=abc", "/admin/people?page=abc", "/rounds/abc",
                "/rounds/abc/compare")) {
            String page = assertClientError(400, admin.get(path), path);
            assertTrue(page.contains("not valid"), path + ": " + page);
        }
        assertClientError(400, api().get("/api/v1/programs/abc"), "API id");
        assertClientError(400, api().post("/api/v1/rounds/1/solve?version=x"), "API version");
        assertClientError(400, api().post("/api/v1/rounds/abc/pairs/1/pin?pinned=true&version=1"), "API path id");
        assertClientError(404, admin.get("/programs/987654321"), "a well-formed id that does not exist");
    }

    @Test
    void aBrokenFlashCookieIsIgnoredAndExpired() {
        WebSession employee = WebSession.signedUp(WebSession.uniqueEmail("flash"), Map.of());
        Response login = RestAssured.given().cookie(new Cookie.Builder("bw-flash", "%E0%A4%A").build()).get("/login");
        assertEquals(200, login.statusCode());
        assertEquals(0, login.getDetailedCookie("bw-flash").getMaxAge());
        for (String path : List.of("/", "/profile", "/programs")) {
            Response page = employee.request().cookie(new Cookie.Builder("bw-flash", "%E0%A4%A").build()).get(path);
            assertEquals(200, page.statusCode(), path + ": " + page.asString());
            assertEquals(0, page.getDetailedCookie("bw-flash").getMaxAge(), path + " expires the broken cookie");
        }
    }

    @Test
    void malformedMultipartBodiesAreRefused() {
        String email = WebSession.uniqueEmail("multipart");
        WebSession visitor = new WebSession();
        visitor.get("/signup");
        String unterminated = "--XYZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n" + email;
        Map<String, String> cases = Map.of(
                "unterminated", unterminated,
                "garbage", "this is not multipart at all",
                "bad header", "--XYZ\r\nContent-Disposition\r\n\r\nx\r\n--XYZ--\r\n");
        WebSession employee = WebSession.signedUp(WebSession.uniqueEmail("multipartemp"), Map.of());
        cases.forEach((what, body) -> {
            for (String path : List.of("/signup", "/programs/1/withdraw", "/profile/edit")) {
                WebSession session = path.equals("/signup") ? visitor : employee;
                Response response = raw(session.request(), "multipart/form-data; boundary=XYZ")
                        .body(body.getBytes(StandardCharsets.UTF_8)).post(path);
                int status = response.statusCode();
                assertTrue(status >= 400 && status < 500, what + " to " + path + ": " + status + " " + response.asString());
                assertFalse(response.asString().contains("Exception"), response.asString());
            }
        });
        Response api = raw(api(), "multipart/form-data; boundary=XYZ")
                .body(unterminated.getBytes(StandardCharsets.UTF_8)).post("/api/v1/rounds/987654/publish");
        assertClientError(api.statusCode() == 415 ? 415 : 400, api, "malformed multipart to the API");
        Response noBoundary = raw(visitor.request(), "multipart/form-data").body(new byte[] {'x'}).post("/signup");
        assertTrue(noBoundary.statusCode() >= 400 && noBoundary.statusCode() < 500, "no boundary: " + noBoundary.statusCode());
        assertNull(QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(email)), "nobody signed up");
    }

    @Test
    void invalidUtf8InAFormIsRefusedAndNothingIsSaved() {
        WebSession manager = WebSession.withRole("utf8pm", Role.PROGRAM_MANAGER);
        String token = manager.page("/programs/new").select("input[name=csrf-token]").attr("value");
        StringBuilder form = new StringBuilder("csrf-token=" + token);
        ProgramPagesTest.programForm("placeholder").forEach((name, value) -> {
            if (!name.equals("name")) {
                form.append('&').append(name).append('=').append(value);
            }
        });
        for (byte[] body : List.of(bytes(form + "&name=Utf8Bad", 0xFF, "name"), bytes(form + "&name=Utf8Bad%FF", ' ', "name"))) {
            Response response = raw(manager.request(), "application/x-www-form-urlencoded").body(body)
                    .post("/programs/new");
            assertEquals(400, response.statusCode(), response.asString());
            assertTrue(response.asString().contains("UTF-8"), response.asString());
        }
        long saved = QuarkusTransaction.requiringNew().call(
                () -> io.bridgeway.programs.Program.count("name like ?1", "Utf8Bad%"));
        assertEquals(0, saved);
    }

    @Test
    void aFormOfOverAThousandFieldsGets400AndNothingIsSaved() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            fields.append("f").append(i).append("=1&");
        }
        String email = WebSession.uniqueEmail("manyfields");
        for (String path : List.of("/login", "/signup", "/password/forgot")) {
            Response response = raw(RestAssured.given(), "application/x-www-form-urlencoded")
                    .body((fields + "email=" + email).getBytes(StandardCharsets.UTF_8)).post(path);
            String body = assertClientError(400, response, "1,001 fields to " + path);
            assertTrue(body.contains("too many fields"), body);
        }
        assertNull(QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(email)), "nobody signed up");
    }
}
