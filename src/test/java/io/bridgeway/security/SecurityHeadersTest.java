package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Every response carries the security headers: pages, error pages, static files and the API. */
@QuarkusTest
class SecurityHeadersTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static void assertSecurityHeaders(Response response) {
        assertEquals(CSP, response.header("Content-Security-Policy"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertEquals("same-origin", response.header("Referrer-Policy"));
        assertNull(response.header("Strict-Transport-Security"), "HSTS only where the app is served over HTTPS (prod)");
    }

    /** Signed-in pages, error pages included, carry the headers and are never cached. */
    @Test
    void signedInPagesAndErrorPagesAreNeverCached() {
        WebSession employee = WebSession.signedUp(WebSession.uniqueEmail("headers"), Map.of());
        Map<String, Integer> pages = Map.of("/profile", 200, "/programs/987654321", 404, "/programs/abc", 400);
        pages.forEach((path, status) -> {
            Response page = employee.get(path);
            assertEquals(status, page.statusCode(), path);
            assertSecurityHeaders(page);
            assertEquals("no-store", page.header("Cache-Control"), path);
        });
    }

    @Test
    void loginRedirectsCarryThemToo() {
        Response anonymous = RestAssured.given().redirects().follow(false).get("/profile");
        assertEquals(302, anonymous.statusCode(), "the login redirect");
        assertSecurityHeaders(anonymous);
    }

    @Test
    void staticFilesGetTheHeadersButMayBeCached() {
        Response css = RestAssured.get("/css/bridgeway.css");
        assertEquals(200, css.statusCode());
        assertSecurityHeaders(css);
        assertNotEquals("no-store", css.header("Cache-Control"));
        Response htmx = RestAssured.get("/webjars/htmx.org/2.0.4/dist/htmx.min.js");
        assertEquals(200, htmx.statusCode());
        assertSecurityHeaders(htmx);
    }

    @Test
    void apiAnswersAreNeverCached() {
        String email = WebSession.uniqueEmail("headersapi");
        WebSession.signedUp(email, Map.of());
        Response me = RestAssured.given().auth().preemptive().basic(email, WebSession.PASSWORD).get("/api/v1/me");
        assertEquals(200, me.statusCode());
        assertSecurityHeaders(me);
        assertEquals("no-store", me.header("Cache-Control"));
    }

    /** Swagger UI starts with an inline script: it alone may run inline code, and still cannot be framed. */
    @Test
    void swaggerUiGetsItsOwnPolicy() {
        Response swagger = RestAssured.get("/q/swagger-ui/");
        assertEquals(200, swagger.statusCode());
        String policy = swagger.header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self' 'unsafe-inline'") && policy.contains("frame-ancestors 'none'")
                && policy.contains("object-src 'none'"), policy);
        assertTrue(org.jsoup.Jsoup.parse(swagger.asString()).select("script:not([src])").stream()
                .anyMatch(script -> !script.data().isBlank()), "remove the exception once Swagger UI has no inline script");
        assertEquals("nosniff", swagger.header("X-Content-Type-Options"));
    }

    /** The CSP allows no inline script or style, so the pages must not need any. */
    @Test
    void pagesHaveNoInlineScriptsStylesOrEventHandlers() {
        WebSession manager = WebSession.withRole("headerspm", Role.PROGRAM_MANAGER);
        for (String path : List.of("/", "/login", "/signup", "/profile", "/profile/edit", "/programs", "/programs/new",
                "/mentoring", "/analytics")) {
            Document page = manager.page(path);
            assertTrue(page.select("style").isEmpty(), path + " has a <style> element");
            for (Element script : page.select("script")) {
                assertTrue(script.hasAttr("src") && script.data().isBlank(), path + " has an inline script");
            }
            for (Element element : page.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    String name = attribute.getKey().toLowerCase();
                    assertTrue(!name.equals("style") && !name.startsWith("on") && !name.startsWith("hx-on"),
                            path + ": <" + element.tagName() + " " + name + "> needs inline code");
                }
            }
        }
        String htmxConfig = manager.page("/").select("meta[name=htmx-config]").attr("content").replace(" ", "");
        assertTrue(htmxConfig.contains("\"includeIndicatorStyles\":false"), "htmx would inject an inline <style>");
    }
}
