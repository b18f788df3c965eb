package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.programs.ProgramPagesTest;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A post to a page changes nothing without the form's CSRF token, whatever content type it claims. */
@QuarkusTest
class CsrfRegardlessOfContentTypeTest {

    @Test
    void withdrawalWithoutATokenIsRefusedInEveryContentType() {
        WebSession manager = WebSession.withRole("csrfpm", Role.PROGRAM_MANAGER);
        long program = ProgramPagesTest.createProgram(manager, ProgramPagesTest.programForm("CSRF programme"));
        String email = WebSession.uniqueEmail("csrfemp");
        WebSession employee = WebSession.signedUp(email, Map.of());
        assertEquals(303, employee.submit("/programs/" + program, "/programs/" + program + "/enroll",
                Map.of("asMentee", "true")).statusCode());
        assertTrue(employee.hasCookie("bw-csrf"), "the attacker's request carries the victim's cookies, CSRF cookie included");
        String withdraw = "/programs/" + program + "/withdraw";

        Response textPlain = employee.request().contentType("text/plain").body("csrf-token=guess").post(withdraw);
        assertEquals(400, textPlain.statusCode());
        assertTrue(textPlain.asString().contains("accepts only web forms"), textPlain.asString());
        assertNotNull(ProgramPagesTest.enrollment(program, email), "text/plain withdrew nobody");

        Response noContentType = employee.request().noContentType().post(withdraw);
        assertEquals(400, noContentType.statusCode());
        assertNotNull(ProgramPagesTest.enrollment(program, email), "an empty post withdrew nobody");

        Response json = employee.request().contentType("application/json").body("{}").post(withdraw);
        assertEquals(400, json.statusCode());
        Response formWithoutToken = employee.post(withdraw, Map.of("reason", "none"));
        assertEquals(400, formWithoutToken.statusCode());
        assertNotNull(ProgramPagesTest.enrollment(program, email), "still enrolled after every forged post");

        assertEquals(303, employee.submit("/programs/" + program, withdraw, Map.of()).statusCode(),
                "the real form with its token still works");
        assertNull(ProgramPagesTest.enrollment(program, email));

        Response api = RestAssured.given().auth().preemptive().basic(email, WebSession.PASSWORD)
                .contentType("application/json").body("{\"asMentee\": true}")
                .post("/api/v1/programs/" + program + "/enrollments");
        assertEquals(200, api.statusCode(), "JSON API posts (HTTP Basic, no cookies) need no token: " + api.asString());
    }
}
