package io.bridgeway.cluster;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bridgeway.support.PackagedApp;
import io.bridgeway.support.WebSession;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes whose hosts are in different time zones read each other's times right: failed sign-ins written by a
 * node in Los Angeles (UTC-8) still count on a node in Kolkata (UTC+5:30) on the same database. In each host's
 * own zone, the failures would be 13.5 hours old there, out of the throttle's 15-minute window.
 */
class NodesInOtherTimeZonesIT {

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
    void failuresWrittenInLosAngelesCountInKolkata() throws Exception {
        String email = WebSession.uniqueEmail("time-zones");
        String key = PackagedApp.randomKey(); // one cluster: one session key
        app = new PackagedApp(dataDir, Map.of("TZ", "America/Los_Angeles", "BRIDGEWAY_SESSION_KEY", key));
        app.start("los-angeles.log");
        WebSession.signedUp(email, Map.of());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, me(email, "wrong-" + i), "guess " + i);
        }
        app.stop();

        app = new PackagedApp(dataDir, Map.of("TZ", "Asia/Kolkata", "BRIDGEWAY_SESSION_KEY", key));
        app.start("kolkata.log");
        assertEquals(429, me(email, WebSession.PASSWORD), "the five failures are minutes old, not hours");
    }

    private static int me(String email, String password) {
        return given().auth().preemptive().basic(email, password).get("/api/v1/me").statusCode();
    }
}
