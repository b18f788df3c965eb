package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    static final String EMAIL = "ana.banda@example.com";

    @Test
    void refusesBlankShortAndOverlongPasswords() {
        assertTrue(PasswordPolicy.problem(null, EMAIL).get().contains("at least 12"));
        assertTrue(PasswordPolicy.problem(" ".repeat(14), EMAIL).get().contains("at least 12"));
        assertTrue(PasswordPolicy.problem("short-pw", EMAIL).get().contains("at least 12"));
        assertTrue(PasswordPolicy.problem("x1".repeat(65), EMAIL).get().contains("at most 128"));
    }

    @Test
    void refusesOneRepeatedCharacter() {
        assertEquals(Optional.of("A password of one repeated character is too easy to guess."),
                PasswordPolicy.problem("aaaaaaaaaaaaaa", EMAIL));
    }

    @Test
    void refusesTheEmailItselfOrItsLocalPartInAnyCase() {
        assertTrue(PasswordPolicy.problem("Ana.Banda@Example.com", EMAIL).get().contains("e-mail"));
        assertTrue(PasswordPolicy.problem("ana.banda1234", "ana.banda1234@example.com").get().contains("e-mail"));
    }

    @Test
    void refusesCommonPasswords() {
        assertTrue(PasswordPolicy.problem("Password1234", EMAIL).get().contains("most common"));
        assertTrue(PasswordPolicy.problem("qwertyuiop123", EMAIL).get().contains("most common"));
    }

    @Test
    void acceptsAnOrdinaryPassphrase() {
        assertEquals(Optional.empty(), PasswordPolicy.problem("correct-horse-battery", EMAIL));
        assertEquals(Optional.empty(), PasswordPolicy.problem("bridgeway-demo", EMAIL));
    }
}
