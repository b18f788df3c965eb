package io.bridgeway.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The paths the Kubernetes probes and the compose healthcheck ask for answer UP, without signing in. */
@QuarkusTest
class HealthProbesTest {

    @Test
    void everyProbePathInDeployAnswersUpWithoutSignIn() {
        Set<String> paths = DeployFiles.appHealthPaths();
        for (String path : paths) {
            given().redirects().follow(false).get(path).then().statusCode(200).body(containsString("\"UP\""));
        }
        given().redirects().follow(false).get("/q/health/no-such-probe").then().statusCode(404);
    }
}
