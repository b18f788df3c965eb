package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Without {@code bridgeway.sso.enabled} (the default) there is no company sign-in and no OIDC provider needed. */
@QuarkusTest
class CompanySignInOffByDefaultTest {

    @Test
    void noCompanySignInLinkAndNoSsoPage() {
        WebSession browser = new WebSession();
        assertTrue(browser.page("/login").select("a[href^=/sso]").isEmpty(), "no company sign-in offered");
        Response sso = browser.get("/sso/login");
        assertEquals(404, sso.statusCode(), sso.asString());
        assertTrue(browser.get("/profile").header("Location").startsWith("/login"));
    }
}
