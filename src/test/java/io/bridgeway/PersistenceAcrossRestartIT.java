package io.bridgeway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.PackagedApp;
import io.bridgeway.support.WebSession;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        String adminPassword = "configured-" + java.util.UUID.randomUUID();
        app = new PackagedApp(dataDir, Map.of("BRIDGEWAY_ADMIN_PASSWORD", adminPassword));
        String email = WebSession.uniqueEmail("restart");

        app.start("first-run.log");
        String firstLog = app.log("first-run.log");
        assertTrue(firstLog.contains("Created the first admin") && !firstLog.contains(adminPassword),
                "a configured admin password is never logged in production: " + firstLog);
        given().auth().preemptive().basic("admin@bridgeway.local", adminPassword).get("/api/v1/me").then().statusCode(200);
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

    @Test
    void productionRefusesToStartWithoutASessionKey() throws Exception {
        app = new PackagedApp(dataDir, Map.of("BRIDGEWAY_SESSION_KEY", ""));
        Process process = app.launch("no-key.log");
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the app stops by itself");
        assertTrue(process.exitValue() != 0, "with a failure exit code");
        String log = app.log("no-key.log");
        assertTrue(log.contains("BRIDGEWAY_SESSION_KEY is not set"), log);
    }

    @Test
    void aSignedInBrowserStaysSignedInAcrossARestart() throws Exception {
        app = new PackagedApp(dataDir, Map.of());
        app.start("session-first.log");
        WebSession session = WebSession.signedUp(WebSession.uniqueEmail("session-restart"), Map.of());
        assertEquals(200, session.get("/profile").statusCode());
        app.stop();
        app.start("session-second.log");
        assertEquals(200, session.get("/profile").statusCode(), "the same key signs the cookie after the restart");
    }
}
