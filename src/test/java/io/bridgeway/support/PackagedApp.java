package io.bridgeway.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a separate process on a
 * free port with its H2 file database in {@code dataDir}, for tests that restart or kill it.
 * RestAssured is pointed at it once it is ready.
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");

    /** The app built for PostgreSQL (profile postgres-package in pom.xml). */
    public static final Path POSTGRES_RUNNER = Path.of("target", "pg", "quarkus-run.jar");

    private final Path runner;
    private final Path dataDir;
    private final int port;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Process process;

    /** {@code extraEnv} adds to or overrides the defaults: no demo data, a random 44-character session key. */
    public PackagedApp(Path dataDir, Map<String, String> extraEnv) throws IOException {
        this(RUNNER, dataDir, extraEnv);
    }

    /** The app packaged at {@code runner}; logs go to {@code dataDir}. */
    public PackagedApp(Path runner, Path dataDir, Map<String, String> extraEnv) throws IOException {
        assertTrue(Files.exists(runner), "package the app first: " + runner);
        this.runner = runner;
        this.dataDir = dataDir;
        this.port = freePort();
        // the app's own H2 URL and settings (WRITE_DELAY=0 among them: a kill -9 must lose no commit), in dataDir
        env.put("BRIDGEWAY_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("BRIDGEWAY_DEMO", "false");
        env.put("BRIDGEWAY_SESSION_KEY", randomKey());
        env.put("QUARKUS_SHUTDOWN_DELAY", "0s"); // no load balancer to leave: stop at once
        env.putAll(extraEnv);
    }

    /** Starts the app, logging to {@code logName} in the data folder, and waits until it is ready. */
    public void start(String logName) throws IOException, InterruptedException {
        launch(logName);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsMatching(e -> !(e instanceof AssertionError)) // not listening yet
                    .until(() -> {
                        assertTrue(process.isAlive(), () -> "the app exited: " + log(logName));
                        return given().get("/q/health/ready").statusCode() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the app did not become ready: " + log(logName), e);
        }
    }

    /** Starts the process without waiting for it to be ready (for a start that is meant to fail). */
    public Process launch(String logName) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", runner.toString());
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve(logName).toFile());
        process = builder.start();
        RestAssured.port = port;
        return process;
    }

    public int port() {
        return port;
    }

    /** A normal shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the app stops");
    }

    /** {@code kill -9}: no shutdown hooks, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the app dies");
    }

    public String log(String logName) {
        try {
            return Files.readString(dataDir.resolve(logName));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** 44 random characters (33 random bytes), as {@code BRIDGEWAY_SESSION_KEY} asks outside dev and test. */
    public static String randomKey() {
        byte[] bytes = new byte[33];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
