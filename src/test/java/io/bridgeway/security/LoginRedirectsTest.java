package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** After sign-in the browser goes back to the page it asked for, but never to another site. */
class LoginRedirectsTest {

    @Test
    void pathsOnThisSiteAreKept() {
        assertTrue(LoginRedirects.isSafe("/programs/3?page=2"));
        assertEquals("/rounds/7", LoginRedirects.orDefault("/rounds/7"));
        assertEquals("/rounds/7", LoginRedirects.orLanding("/rounds/7", java.util.Set.of(Role.ADMIN)));
    }

    @Test
    void otherHostsAndOddFormsFallBackToTheProfile() {
        for (String evil : new String[] {"https://evil.example", "//evil.example", "/\\evil.example", "evil",
                "/ok\r\nSet-Cookie: x=y", "/login?next=/x", "/sso/login", "", null,
                "/a b", "/a%zz", "/a%2", "/a|b", "/a{b}", "/a\"b", "/a\u00a0b"}) {
            assertFalse(LoginRedirects.isSafe(evil), String.valueOf(evil));
            assertEquals("/profile", LoginRedirects.orDefault(evil));
            assertEquals("/admin", LoginRedirects.orLanding(evil, java.util.Set.of(Role.EMPLOYEE, Role.ADMIN)));
        }
    }
}
