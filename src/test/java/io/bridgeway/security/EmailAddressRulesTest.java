package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.EmailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one e-mail rule refuses what a mailer would reject, and accepts ordinary work addresses. */
class EmailAddressRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"smith,john@x.com", "\"john smith\"@x.com", "a<b@x.com", "john smith@x.com",
            "john@x.com>", "a;b@x.com", "a\\b@x.com", "a(b)@x.com", "a:b@x.com", "a[b]@x.com",
            ".john@x.com", "john.@x.com", "jo..hn@x.com", "john@@x.com", "jo@hn@x.com", "john", "@x.com", "john@",
            "john@x", "john@x.c0m", "john@x.123", "john@-x.com", "john@x-.com", "john@x..com", "john@.x.com",
            "john@x.com.", "john@x_y.com", "john@[10.0.0.1]", "jöhn@x.com", "john@exämple.com", "john\n@x.com"})
    void refusesAddressesAMailerCannotCarry(String address) {
        assertFalse(EmailAddress.isValid(address), address);
        assertTrue(EmailAddress.problem(address).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@example.com", "ana.lima@example.com", "o'brien@example.co.uk", "ana+mentoring@example.com",
            "a_b-c@sub.example-company.io", "x@ex.museum", "admin@bridgeway.local", "ana.lima2@demo.bridgeway.example"})
    void acceptsOrdinaryWorkAddressesAndTheMailerAcceptsThemToo(String address) {
        assertTrue(EmailAddress.isValid(address), () -> address + ": " + EmailAddress.problem(address));
        assertDoesNotThrow(() -> new io.vertx.ext.mail.mailencoder.EmailAddress(address));
    }

    @Test
    void everyRefusedCommaQuoteOrBracketIsAlsoWhatTheMailerRejects() {
        for (String address : new String[] {"smith,john@x.com", "\"a b\"@x.com", "a<b@x.com"}) {
            assertThrows(IllegalArgumentException.class, () -> new io.vertx.ext.mail.mailencoder.EmailAddress(address),
                    "the reason for the rule: the mailer fails on " + address);
        }
    }

    @Test
    void lengthLimitsAreThoseOfSmtp() {
        String local64 = "a".repeat(64);
        assertTrue(EmailAddress.isValid(local64 + "@example.com"));
        assertFalse(EmailAddress.isValid("a".repeat(65) + "@example.com"), "local part at most 64");
        String domain = ("b".repeat(60) + ".").repeat(3) + "com"; // 186 characters
        String address = local64 + "@" + domain;
        assertTrue(address.length() <= 254 && EmailAddress.isValid(address));
        String tooLong = local64 + "@" + "c".repeat(4) + "." + domain; // 256
        assertEquals("An email address has at most 254 characters.", EmailAddress.problem(tooLong).orElseThrow());
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertTrue(EmailAddress.problem("smith,john@x.com").orElseThrow().startsWith("',' cannot be used"));
        assertTrue(EmailAddress.problem("\"a\"@x.com").orElseThrow().startsWith("A quote"));
        assertTrue(EmailAddress.problem("a b@x.com").orElseThrow().startsWith("A space"));
        assertTrue(EmailAddress.problem("a..b@x.com").orElseThrow().contains("two dots"));
        assertTrue(EmailAddress.problem("a@localhost").orElseThrow().contains("domain like company.com"));
        assertTrue(EmailAddress.problem("a@b@c.com").orElseThrow().contains("exactly one @"));
    }

    @Test
    void normalizingTrimsAndLowerCases() {
        assertEquals("ana.lima@example.com", EmailAddress.normalize("  Ana.Lima@Example.COM \n"));
        assertEquals(null, EmailAddress.normalize(null));
    }
}
