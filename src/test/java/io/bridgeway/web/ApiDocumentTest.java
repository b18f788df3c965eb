package io.bridgeway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The OpenAPI document: the API's routes, with this deployment's public address as its server. */
@QuarkusTest
class ApiDocumentTest {

    private static String publicUrl() {
        return ConfigProvider.getConfig().getOptionalValue("bridgeway.public-url", String.class)
                .orElse("http://localhost:8080").replaceAll("/+$", "");
    }

    @Test
    void jsonNamesThePublicAddressAsTheServer() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("servers[0].url", equalTo(publicUrl()))
                .body("paths", hasKey("/api/v1/me"));
    }

    @Test
    void yamlIsTheDefaultAndSaysTheSame() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("url: " + publicUrl()))
                .body(containsString("/api/v1/me:"));
    }
}
