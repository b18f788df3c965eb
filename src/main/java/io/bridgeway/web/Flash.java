package io.bridgeway.web;

import io.bridgeway.BridgewayConfig;
import io.quarkus.arc.Arc;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One-shot messages across a redirect (post/redirect/get): the message rides in a short-lived cookie
 * that the next page shows and {@link FlashCleanup} then expires.
 */
public final class Flash {

    public static final String COOKIE = "bw-flash";

    private Flash() {
    }

    /** A 303 See Other to {@code location} that shows {@code message} on the next page. */
    public static Response redirect(String location, String message) {
        return Response.seeOther(URI.create(location)).cookie(cookie(message, 60)).build();
    }

    /** For htmx: a 200 whose {@code HX-Redirect} makes the browser load {@code location}, showing {@code message}. */
    public static Response htmxRedirect(String location, String message) {
        return Response.ok().header("HX-Redirect", location).cookie(cookie(message, 60)).build();
    }

    static NewCookie cookie(String message, int maxAgeSeconds) {
        return new NewCookie.Builder(COOKIE)
                .value(URLEncoder.encode(message, StandardCharsets.UTF_8))
                .path("/")
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .secure(httpsOnly())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    static NewCookie expired() {
        return new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).httpOnly(true).secure(httpsOnly()).build();
    }

    /** The message, or null when there is none or the cookie was tampered with (it is expired either way). */
    static String decode(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return null;
        }
        try {
            return URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException broken) {
            return null;
        }
    }

    private static boolean httpsOnly() {
        return Arc.container().instance(BridgewayConfig.class).get().http().httpsOnly();
    }
}
