package io.bridgeway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.PackagedApp;
import io.bridgeway.support.WebSession;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application keeps its data in the H2 file database across a restart: sign up, stop
 * the process, start it again on the same file, and sign in.
 */
class PersistenceAcrossRestartIT {

    @TempDir
    Path dataDir;

    PackagedApp app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aSignedUpPersonCanSignInAfterARestart() throws Exception {
        app = new PackagedApp(dataDir, Map.of());
        String email = WebSession.uniqueEmail("restart");

        app.start("first-run.log");
        WebSession.signedUp(email, Map.of());
        given().auth().preemptive().basic(email, WebSession.PASSWORD).get("/api/v1/me").then().statusCode(200);
        app.stop();

        app.start("second-run.log");
        WebSession session = new WebSession();
        session.login(email, WebSession.PASSWORD);
        assertEquals(200, session.get("/profile").statusCode());
        assertEquals("Test Person", session.page("/profile").select("h1").text());
        assertTrue(!app.log("second-run.log").contains("Created the first admin"), "the admin from the first run is still there");
    }
}
