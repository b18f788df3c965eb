package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Sign-up and profile edit refuse addresses the mailer would reject, with the reason next to the field. */
@QuarkusTest
class SignupRefusesUnsendableEmailTest {

    @Test
    void signupRefusesACommaQuoteOrAngleBracketAndStoresNothing() {
        for (String bad : new String[] {"smith,john@example.com", "\"smith john\"@example.com", "smith<john@example.com",
                "smith..john@example.com", "smith@example"}) {
            Response response = new WebSession().submit("/signup", "/signup", WebSession.validSignup(bad));
            assertEquals(400, response.statusCode(), bad);
            Document page = Jsoup.parse(response.asString());
            assertFalse(page.select("#email-error").text().isBlank(), "the reason is next to the email field: " + bad);
            assertTrue(page.select(".error-summary a[href=#email]").size() == 1, "and in the summary: " + bad);
            assertNull(QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(bad)), "nothing stored: " + bad);
        }
        Response comma = new WebSession().submit("/signup", "/signup", WebSession.validSignup("smith,john@example.com"));
        assertTrue(Jsoup.parse(comma.asString()).select("#email-error").text().contains("',' cannot be used"));
    }

    @Test
    void profileEditRefusesAnUnsendableManagerEmail() {
        String email = WebSession.uniqueEmail("badmanager");
        WebSession session = WebSession.signedUp(email, Map.of());
        Map<String, Object> form = WebSession.validSignup(email);
        form.put("fullName", "Changed Name");
        form.put("managerEmail", "boss,big@example.com");
        Response response = session.submit("/profile/edit", "/profile/edit", form);
        assertEquals(400, response.statusCode());
        String error = Jsoup.parse(response.asString()).select("#managerEmail-error").text();
        assertTrue(error.contains("Manager's email") && error.contains("',' cannot be used"), error);
        assertEquals("Test Person", QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(email).fullName),
                "nothing saved");
    }
}
