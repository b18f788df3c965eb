package io.bridgeway.cluster;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.bridgeway.support.PackagedApp;
import io.bridgeway.support.WebSession;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the packaged app (built for PostgreSQL) on one database, {@code bridgeway_cluster}: a session
 * from one node works on the other, a round solving on node A shows its progress on node B and stops from
 * there, five failed sign-ins on A throttle the account on B, a {@code kill -9} of A mid-solve leaves the round INTERRUPTED on B once A's lease ran out (5 s here)
 * with nothing lost, a SIGTERM of a node mid-solve leaves the round INTERRUPTED at once and the node's leases
 * given back, and one due survey gets exactly one reminder although both nodes run the job.
 *
 * <p>Needs BRIDGEWAY_TEST_PG_URL, _USER, _PASSWORD (any database of the server: the test uses
 * {@code bridgeway_cluster} beside it and empties it). Skipped with a message without them, failed when
 * BRIDGEWAY_REQUIRE_POSTGRES=true.
 */
class ClusterOnPostgresIT {

    static final String ADMIN = "admin@bridgeway.local";
    static final String ADMIN_PASSWORD = "it-admin-password-1234";
    static final String DATABASE = "bridgeway_cluster";

    @TempDir
    Path dataDir;

    String url;
    String user;
    String password;
    final List<PackagedApp> nodes = new ArrayList<>();

    @BeforeEach
    void database() throws SQLException {
        String configured = System.getenv("BRIDGEWAY_TEST_PG_URL");
        if (configured == null || configured.isBlank()) {
            String why = "ClusterOnPostgresIT needs PostgreSQL: BRIDGEWAY_TEST_PG_URL is not set";
            if ("true".equals(System.getenv("BRIDGEWAY_REQUIRE_POSTGRES"))) {
                fail(why + " but BRIDGEWAY_REQUIRE_POSTGRES=true");
            }
            System.err.println("!!!!! SKIPPED: " + why + " (the two-node cluster test did not run) !!!!!");
            Assumptions.abort(why);
        }
        url = configured.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + DATABASE);
        user = System.getenv("BRIDGEWAY_TEST_PG_USER");
        password = System.getenv("BRIDGEWAY_TEST_PG_PASSWORD");
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.execute("drop schema public cascade");
            sql.execute("create schema public");
        }
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (PackagedApp node : nodes) {
            node.close();
        }
    }

    PackagedApp node(String name) throws Exception {
        return node(name, Map.of());
    }

    PackagedApp node(String name, Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        env.put("BRIDGEWAY_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("BRIDGEWAY_SESSION_KEY", SESSION_KEY);
        env.put("BRIDGEWAY_HTTP_HTTPS_ONLY", "false");
        env.put("QUARKUS_MAILER_MOCK", "true");
        env.put("BRIDGEWAY_CLUSTER_LEASE", "5s");
        env.put("BRIDGEWAY_CLUSTER_HEARTBEAT", "1s");
        env.put("BRIDGEWAY_OUTBOX_INTERVAL", "1s");
        env.put("BRIDGEWAY_FEEDBACK_REMINDER_INTERVAL", "1s");
        // circles that cannot be perfect search until stopped: the solve is still running when we act
        env.put("BRIDGEWAY_SOLVE_CIRCLES_SECONDS", "300");
        env.put("BRIDGEWAY_SOLVE_CIRCLES_UNIMPROVED_SECONDS", "300");
        env.putAll(extraEnv);
        PackagedApp node = new PackagedApp(PackagedApp.POSTGRES_RUNNER, dataDir, env);
        nodes.add(node);
        node.start(name + ".log");
        return node;
    }

    static final String SESSION_KEY = PackagedApp.randomKey();

    static RequestSpecification on(PackagedApp node) {
        return given().port(node.port()).auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json");
    }

    static JsonPath round(PackagedApp node, long roundId) {
        return on(node).get("/api/v1/rounds/" + roundId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Timeout(600)
    void twoNodesShareSessionsProgressAndJobsAndARoundSurvivesAKill() throws Exception {
        PackagedApp a = node("node-a");
        PackagedApp b = node("node-b");
        assertNotEquals(nodeId(a, "node-a.log"), nodeId(b, "node-b.log"), "each node has its own id");

        // any node serves any request: a session signed in on A is valid on B (the key is shared config)
        RestAssured.port = a.port();
        List<String> members = new ArrayList<>();
        WebSession first = null;
        for (int i = 0; i < 12; i++) {
            String email = WebSession.uniqueEmail("cluster");
            WebSession session = WebSession.signedUp(email, WebSession.with("departmentId", String.valueOf(1 + i % 4),
                    "level", String.valueOf(1 + i % 7)));
            first = first == null ? session : first;
            members.add(email);
        }
        RestAssured.port = b.port();
        assertEquals(200, first.get("/profile").statusCode(), "A's session cookie is accepted on B");

        // failed sign-ins count across the nodes: five wrong passwords on A, and B refuses the sixth try
        String guessed = members.get(1);
        for (int i = 0; i < 5; i++) {
            given().port(a.port()).auth().preemptive().basic(guessed, "wrong-password-" + i).get("/api/v1/me")
                    .then().statusCode(401);
        }
        given().port(b.port()).auth().preemptive().basic(guessed, WebSession.PASSWORD).get("/api/v1/me")
                .then().statusCode(429);

        // a round solved on A: B shows its running phase and B's Stop reaches A
        long stopped = startRound(a, members, "Stopped on B");
        awaitCirclesPhase(b, stopped);
        on(b).post("/api/v1/rounds/" + stopped + "/stop").then().statusCode(200);
        await(() -> !"SOLVING".equals(round(b, stopped).getString("solveState")), "B's stop reaches A", 60);
        JsonPath stoppedRound = round(a, stopped);
        assertEquals("STOPPED", stoppedRound.getString("solveState"), stoppedRound.prettify());
        assertEquals(6 * 4, stoppedRound.getList("circles").size(), "12 people in threes at each of 6 meetings");

        // kill -9 of A during a solve: once A's lease ran out, B marks the round INTERRUPTED, and nothing is lost
        long killed = startRound(a, members, "Killed on A");
        awaitCirclesPhase(b, killed);
        a.kill();
        long killedAt = System.nanoTime();
        await(() -> "INTERRUPTED".equals(round(b, killed).getString("solveState")), "B takes over A's round", 60);
        double tookSeconds = (System.nanoTime() - killedAt) / 1e9;
        assertTrue(tookSeconds >= 3, "not before A's lease (5 s) ran out: " + tookSeconds);
        JsonPath interrupted = round(b, killed);
        assertEquals(12, query("select count(*) from round_participant where as_circle_member and round_id = " + killed),
                "the participants' snapshot is kept");
        assertEquals(0, query("select count(*) from cluster_lease where lease_name = 'round-solve:" + killed + "'"),
                "the dead node's lease is gone");
        assertTrue(b.log("node-b.log").contains("Marked 1 interrupted round solve(s)"), "B logged the recovery");

        // solved again on B, stopped, published: every member has a circle at every meeting
        on(b).post("/api/v1/rounds/" + killed + "/solve?version=" + interrupted.getLong("version")).then().statusCode(200);
        awaitCirclesPhase(b, killed);
        on(b).post("/api/v1/rounds/" + killed + "/stop").then().statusCode(200);
        await(() -> "STOPPED".equals(round(b, killed).getString("solveState")), "the second solve stops", 60);
        assertEquals(6 * 4, round(b, killed).getList("circles").size());
        on(b).post("/api/v1/rounds/" + killed + "/publish").then().statusCode(200);

        // SIGTERM of a node during a solve (a rolling update): the round is INTERRUPTED at once and the node's
        // leases are given back, though its lease (60 s here) would hold them much longer
        PackagedApp d = node("node-d", Map.of("BRIDGEWAY_CLUSTER_LEASE", "60s"));
        String dId = nodeId(d, "node-d.log");
        long shutDown = startRound(d, members, "Shut down on D");
        awaitCirclesPhase(b, shutDown);
        long stoppingAt = System.nanoTime();
        d.stop();
        JsonPath afterShutdown = round(b, shutDown);
        double stopSeconds = (System.nanoTime() - stoppingAt) / 1e9;
        assertEquals("INTERRUPTED", afterShutdown.getString("solveState"), "when D has exited: " + afterShutdown.prettify());
        assertTrue(afterShutdown.getString("solveMessage").contains("shut down"), afterShutdown.getString("solveMessage"));
        assertTrue(stopSeconds < 20, "D stopped within seconds, not its 60 s lease: " + stopSeconds);
        assertEquals(12, query("select count(*) from round_participant where as_circle_member and round_id = " + shutDown),
                "the participants' snapshot is kept");
        assertEquals(0, query("select count(*) from cluster_lease where (owner_node = '" + dId
                + "' or owner_node like '" + dId + "#%') and held_until > timestamp '2001-01-01 00:00:00'"),
                "D holds no lease, nor does any of its solves");
        assertEquals(0, query("select count(*) from round_solve where round_id = " + shutDown));
        String dLog = d.log("node-d.log");
        String marked = "Marked round solve(s) [" + shutDown + "] interrupted: this node is shutting down";
        assertTrue(dLog.contains(marked), dLog);
        assertTrue(dLog.indexOf("gave back") > dLog.indexOf(marked),
                "the leases go after the solve was interrupted: " + dLog);
        assertFalse(dLog.contains("ERROR"), "a clean shutdown: " + dLog);

        // both nodes run the reminder job every second: one due survey gets exactly one reminder
        PackagedApp c = node("node-c");
        long surveyId = query("select min(s.id) from survey s where s.round_id = " + killed);
        update("update survey set due_at = current_timestamp - interval '1 day' where id = " + surveyId);
        await(() -> query("select count(*) from outbox_message where kind = 'SURVEY_REMINDER' and status = 'SENT'") == 1,
                "the reminder is queued and sent", 60);
        Thread.sleep(4_000); // several more runs of the job on both nodes
        assertEquals(1, query("select count(*) from outbox_message where kind = 'SURVEY_REMINDER'"),
                "one reminder for the one due survey");
        assertEquals(1, query("select count(*) from survey where reminded_at is not null"));
        String subject = "A short survey is waiting:"; // the subject; the logged body says "waiting for you"
        assertEquals(1, count(b.log("node-b.log"), subject) + count(c.log("node-c.log"), subject),
                "the reminder mail was sent by one node, once");
        // the mock mailer logs each mail it sends: every sent message went out once, from one node
        long sent = query("select count(*) from outbox_message where status = 'SENT'");
        assertTrue(sent > 12, "the publication's notices and the reminder: " + sent);
        assertEquals(sent, count(b.log("node-b.log"), "Sending email") + count(c.log("node-c.log"), "Sending email"));
    }

    long startRound(PackagedApp node, List<String> members, String name) {
        int programId = on(node).body("""
                {"name": "%s", "type": "CIRCLES", "enrollmentOpens": "%s", "enrollmentCloses": "%s",
                 "circleRounds": 6, "circleCadenceWeeks": 4, "circleStartDate": "%s", "groupMin": 3, "groupMax": 3}
                """.formatted(name, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30),
                LocalDate.now().plusWeeks(2))).post("/api/v1/programs").then().statusCode(201).extract().path("id");
        String list = "[" + String.join(",", members.stream().map(e -> "\"" + e + "\"").toList()) + "]";
        on(node).body("{\"asCircleMember\": true, \"emails\": " + list + "}")
                .post("/api/v1/programs/" + programId + "/enrollments").then().statusCode(200);
        return on(node).post("/api/v1/programs/" + programId + "/rounds").then().statusCode(202)
                .extract().jsonPath().getLong("id");
    }

    /** Node {@code reader} sees the circles phase run, with its clock, though another node may solve. */
    static void awaitCirclesPhase(PackagedApp reader, long roundId) {
        await(() -> {
            JsonPath json = round(reader, roundId);
            assertEquals("SOLVING", json.getString("solveState"), json.prettify());
            return "circles".equals(json.getString("phase")) && json.getDouble("progress.phaseSeconds") > 0.5;
        }, "the circles phase shows on the reading node", 60);
    }

    long query(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    void update(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password); Statement statement = db.createStatement()) {
            assertEquals(1, statement.executeUpdate(sql));
        }
    }

    static String nodeId(PackagedApp node, String log) {
        Matcher id = Pattern.compile("Cluster node id (\\S+)").matcher(node.log(log));
        assertTrue(id.find(), "the node logs its id");
        return id.group(1);
    }

    static int count(String text, String needle) {
        int found = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            found++;
        }
        return found;
    }

    static void await(java.util.concurrent.Callable<Boolean> condition, String what, int seconds) {
        Awaitility.await(what).atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(200))
                .until(condition);
    }
}
