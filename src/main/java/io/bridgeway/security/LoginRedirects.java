package io.bridgeway.security;

/** Where a sign-in may send the browser next: only a path on this site, never another host. */
public final class LoginRedirects {

    public static final String DEFAULT = "/profile";

    private LoginRedirects() {
    }

    public static boolean isSafe(String next) {
        return next != null && next.length() <= 2000 && next.startsWith("/") && !next.startsWith("//")
                && !next.startsWith("/\\") && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && !next.startsWith("/login") && !next.startsWith("/logout") && !next.startsWith("/sso/");
    }

    public static String orDefault(String next) {
        return isSafe(next) ? next : DEFAULT;
    }
}
