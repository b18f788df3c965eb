package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The hash an unknown address is checked against must cost what a real account's check costs. */
class DummyPasswordHashTest {

    private static String costPrefix(String bcryptHash) {
        return bcryptHash.substring(0, "$2a$10$".length());
    }

    @Test
    void hasTheVariantAndCostOfARealHash() {
        assertEquals(costPrefix(Passwords.hash("correct horse battery")), costPrefix(PasswordLogin.DUMMY_HASH));
        assertEquals(String.format("$2a$%02d$", Passwords.BCRYPT_COST), costPrefix(PasswordLogin.DUMMY_HASH));
    }

    @Test
    void isAValidHashThatNoUsualPasswordMatches() {
        // A malformed hash would throw here instead of taking bcrypt's time.
        for (String guess : new String[] {"", "bridgeway-demo", "bridgeway-admin", "password", "x".repeat(72)}) {
            assertFalse(Passwords.matches(guess, PasswordLogin.DUMMY_HASH), guess);
        }
    }
}
