package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** "Download my data" lists the account's API tokens, without their secrets, and the addresses it signed in from. */
@QuarkusTest
class AccountDataTest {

    @Test
    void theExportListsTokensWithoutSecretsAndTheRememberedSignInAddresses() {
        String email = WebSession.uniqueEmail("accountdata");
        WebSession.signedUp(email, Map.of());
        WebSession owner = new WebSession();
        owner.login(email, WebSession.PASSWORD);
        Response created = owner.submit("/profile/api-tokens", "/profile/api-tokens",
                Map.of("name", "nightly report", "expiresOn", "", "password", WebSession.PASSWORD));
        String secret = Jsoup.parse(created.asString()).select("#new-token-secret").text();
        assertFalse(secret.isBlank(), created.asString());

        Response export = owner.get("/profile/export");
        assertEquals(200, export.statusCode());
        JsonPath json = export.jsonPath();
        assertEquals("nightly report", json.getString("participation.account.apiTokens[0].name"));
        assertTrue(json.getString("participation.account.apiTokens[0].createdAt") != null);
        assertFalse(export.asString().contains(secret), "never the token itself");
        assertFalse(export.asString().contains(Passwords.sha256(secret)), "nor its hash");
        assertEquals(1, json.getList("participation.account.signInAddresses").size(), json.prettify());
        assertTrue(json.getString("participation.account.signInAddresses[0].lastSignIn").startsWith("20"));
    }
}
