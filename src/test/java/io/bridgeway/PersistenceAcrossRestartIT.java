package io.bridgeway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @TempDir
    Path dataDir;

    Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSignedUpPersonCanSignInAfterARestart() throws Exception {
        assertTrue(Files.exists(RUNNER), "package the app first: " + RUNNER);
        int port = freePort();
        String email = WebSession.uniqueEmail("restart");

        start(port, "first-run.log");
        WebSession.signedUp(email, Map.of());
        given().auth().preemptive().basic(email, WebSession.PASSWORD).get("/api/v1/me").then().statusCode(200);
        app.destroy();
        assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the app stops");

        start(port, "second-run.log");
        WebSession session = new WebSession();
        session.login(email, WebSession.PASSWORD);
        assertEquals(200, session.get("/profile").statusCode());
        assertEquals("Test Person", session.page("/profile").select("h1").text());
        String secondLog = Files.readString(dataDir.resolve("second-run.log"));
        assertTrue(!secondLog.contains("Created the first admin"), "the admin from the first run is still there");
    }

    /** A production key for these runs: the packaged app refuses to start without one. */
    static final String SESSION_KEY = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();

    @Test
    void productionRefusesToStartWithoutASessionKey() throws Exception {
        assertTrue(Files.exists(RUNNER), "package the app first: " + RUNNER);
        ProcessBuilder builder = builder(freePort(), "no-key.log");
        builder.environment().remove("BRIDGEWAY_SESSION_KEY");
        Process process = builder.start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the app stops by itself");
        assertTrue(process.exitValue() != 0, "with a failure exit code");
        String log = read("no-key.log");
        assertTrue(log.contains("BRIDGEWAY_SESSION_KEY is not set"), log);
    }

    @Test
    void aSignedInBrowserStaysSignedInAcrossARestart() throws Exception {
        int port = freePort();
        start(port, "session-first.log");
        WebSession session = WebSession.signedUp(WebSession.uniqueEmail("session-restart"), Map.of());
        assertEquals(200, session.get("/profile").statusCode());
        app.destroy();
        assertTrue(app.waitFor(30, TimeUnit.SECONDS));
        start(port, "session-second.log");
        assertEquals(200, session.get("/profile").statusCode(), "the same key signs the cookie after the restart");
    }

    private ProcessBuilder builder(int port, String logName) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", RUNNER.toString());
        builder.environment().put("BRIDGEWAY_SESSION_KEY", SESSION_KEY);
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + dataDir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("BRIDGEWAY_DEMO", "false");
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve(logName).toFile());
        return builder;
    }

    private void start(int port, String logName) throws IOException, InterruptedException {
        ProcessBuilder builder = builder(port, logName);
        app = builder.start();
        RestAssured.port = port;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(app.isAlive(), () -> "the app exited: " + read(logName));
            try {
                if (given().get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not become ready: " + read(logName));
    }

    private String read(String logName) {
        try {
            return Files.readString(dataDir.resolve(logName));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
