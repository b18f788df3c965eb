package io.bridgeway.security;

import java.net.URI;
import java.util.Set;

/** Where a sign-in may send the browser next: only a path on this site, never another host. */
public final class LoginRedirects {

    public static final String DEFAULT = "/profile";
    public static final String ADMIN_LANDING = "/admin";

    private LoginRedirects() {
    }

    public static boolean isSafe(String next) {
        return next != null && next.length() <= 2000 && next.startsWith("/") && !next.startsWith("//")
                && !next.startsWith("/\\") && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && !next.startsWith("/login") && !next.startsWith("/logout") && !next.startsWith("/sso/")
                && isUri(next);
    }

    /** The redirect goes out through {@link URI#create}, which throws on a space, a stray '%', '|' and the like. */
    private static boolean isUri(String next) {
        try {
            URI.create(next);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String orDefault(String next) {
        return orLanding(next, Set.of());
    }

    /** {@code next} when safe, else where this person starts: admins on the admin overview, others on their profile. */
    public static String orLanding(String next, Set<String> roles) {
        return isSafe(next) ? next : roles.contains(Role.ADMIN) ? ADMIN_LANDING : DEFAULT;
    }
}
