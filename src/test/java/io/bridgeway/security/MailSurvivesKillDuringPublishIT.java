package io.bridgeway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.bridgeway.support.PackagedApp;
import io.bridgeway.support.WebSession;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault test on the packaged app and a local SMTP sink: {@code kill -9} while the outbox is sending a
 * round's mail, restart on the same database, and every participant still gets their notification,
 * exactly one distinct message (by Message-ID), received at least once.
 */
class MailSurvivesKillDuringPublishIT {

    static final String ADMIN = "admin@bridgeway.local";
    static final String ADMIN_PASSWORD = "it-admin-password-1234";

    @TempDir
    Path dataDir;

    PackagedApp app;
    GreenMail smtp;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json");
    }

    @Test
    @Timeout(180)
    void everyParticipantGetsTheirNotificationOnceByMessageIdDespiteAKillWhileSending() throws Exception {
        smtp = new GreenMail(new ServerSetup(PackagedApp.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app = new PackagedApp(dataDir, Map.of(
                "BRIDGEWAY_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "QUARKUS_MAILER_MOCK", "false",
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", String.valueOf(smtp.getSmtp().getPort()),
                // slow on purpose: one mail per run, so the kill lands while mail is mid-flight
                "BRIDGEWAY_OUTBOX_INTERVAL", "0.4s",
                "BRIDGEWAY_OUTBOX_BATCH_SIZE", "1",
                "BRIDGEWAY_OUTBOX_CLAIM_TIMEOUT", "3s",
                "BRIDGEWAY_OUTBOX_BACKOFF", "1s",
                // the killed run holds the sender's job lease until this ran out
                "BRIDGEWAY_CLUSTER_LEASE", "5s"));
        app.start("first-run.log");

        List<String> mentors = signUp("kill-mentor", 4, Map.of("level", "6", "departmentId", "5"));
        List<String> mentees = signUp("kill-mentee", 8, Map.of("level", "2", "goals", "java"));
        int programId = admin().body("""
                {"name": "Kill test", "type": "MENTORING", "enrollmentOpens": "%s", "enrollmentCloses": "%s"}
                """.formatted(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30)))
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
        enroll(programId, mentors, "{\"asMentor\": true, \"mentorCapacity\": 2, \"emails\": %s}");
        enroll(programId, mentees, "{\"asMentee\": true, \"emails\": %s}");
        long roundId = admin().post("/api/v1/programs/" + programId + "/rounds").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        await(() -> !"SOLVING".equals(round(roundId).getString("solveState")), "the round solves", 60);

        admin().post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200);
        await(() -> smtp.getReceivedMessages().length >= 1, "the first mail arrives", 20);
        int beforeKill = smtp.getReceivedMessages().length;
        app.kill();
        List<String> participants = new ArrayList<>(mentors);
        participants.addAll(mentees);
        assertTrue(beforeKill < participants.size(), "killed mid-flight: " + beforeKill + " of " + participants.size());

        app.start("second-run.log");
        boolean publishedNow = admin().post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200)
                .extract().jsonPath().getBoolean("publishedNow");
        assertEquals(false, publishedNow, "the publication had committed before the kill");
        await(() -> messageIdsByRecipient().keySet().containsAll(participants), "every participant is reached", 60);

        Map<String, Set<String>> ids = messageIdsByRecipient();
        for (String participant : participants) {
            assertEquals(1, ids.get(participant).size(), participant + " got one distinct message: " + ids.get(participant));
        }
        assertEquals(participants.size(), ids.values().stream().flatMap(Set::stream).distinct().count());
        assertEquals(new TreeSet<>(participants), new TreeSet<>(ids.keySet()), "nobody else was mailed");
    }

    static List<String> signUp(String prefix, int count, Map<String, Object> overrides) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = WebSession.uniqueEmail(prefix);
            WebSession.signedUp(email, overrides);
            emails.add(email);
        }
        return emails;
    }

    static void enroll(int programId, List<String> emails, String template) {
        String list = "[" + String.join(",", emails.stream().map(e -> "\"" + e + "\"").toList()) + "]";
        admin().body(template.formatted(list)).post("/api/v1/programs/" + programId + "/enrollments")
                .then().statusCode(200);
    }

    static JsonPath round(long roundId) {
        return admin().get("/api/v1/rounds/" + roundId).then().statusCode(200).extract().jsonPath();
    }

    /** Recipient to the distinct Message-IDs they received. */
    Map<String, Set<String>> messageIdsByRecipient() {
        Map<String, Set<String>> ids = new TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                for (Address to : message.getRecipients(Message.RecipientType.TO)) {
                    String address = ((jakarta.mail.internet.InternetAddress) to).getAddress();
                    ids.computeIfAbsent(address, a -> new TreeSet<>()).add(message.getMessageID());
                }
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }
        return ids;
    }

    static void await(BooleanSupplier condition, String what, int seconds) {
        Awaitility.await(what).atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
