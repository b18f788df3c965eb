package io.bridgeway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OpenAPI document: the API's routes, and this deployment's public address as its server when one is set. */
@QuarkusTest
class ApiDocumentTest {

    @Test
    void withoutAPublicAddressTheDocumentNamesNoServer() {
        // Tests set no bridgeway.public-url: Swagger UI then calls the origin the page came from.
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("servers", nullValue())
                .body("paths", hasKey("/api/v1/me"))
                // the pages and their forms are not the API: none of them is documented
                .body("paths", not(hasKey("/profile")))
                .body("paths.keySet().findAll { !it.startsWith('/api/') }", empty());
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/me:"))
                .body(not(containsString("servers:")));
    }

    @Test
    void aPublicAddressBecomesTheOnlyServerWithoutItsTrailingSlash() {
        var servers = ApiDocumentServer.servers(Optional.of(" https://bridgeway.example.com/ ")).orElseThrow();
        assertEquals(1, servers.size());
        assertEquals("https://bridgeway.example.com", servers.get(0).getUrl());
        assertTrue(ApiDocumentServer.servers(Optional.of("  ")).isEmpty());
        assertTrue(ApiDocumentServer.servers(Optional.empty()).isEmpty());
    }
}
