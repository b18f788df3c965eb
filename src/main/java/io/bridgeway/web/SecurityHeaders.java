package io.bridgeway.web;

import io.bridgeway.BridgewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Security headers on every response: pages, the API, static files and error pages alike. They are set
 * just before the headers are written, so no later handler (static files, login redirects, failures)
 * can leave them out.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** No inline scripts or styles anywhere in our pages: htmx and the CSS are files served from here. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI and the Dev UI are third-party pages that start with inline scripts and styles. */
    static final String TOOL_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000";
    private static final List<String> TOOL_PATHS = List.of("/q/swagger-ui", "/q/dev-ui");
    /** Served from META-INF/resources and webjars: the same for everyone, so they may be cached. */
    private static final List<String> STATIC_PATHS = List.of("/css/", "/js/", "/webjars/", "/favicon.ico");

    @Inject
    BridgewayConfig config;

    void register(@Observes Router router) {
        boolean httpsOnly = config.http().httpsOnly();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> addHeaders(context, httpsOnly));
            context.next();
        });
    }

    static void addHeaders(RoutingContext context, boolean httpsOnly) {
        String path = context.normalizedPath();
        MultiMap headers = context.response().headers();
        headers.set("Content-Security-Policy",
                startsWithAny(path, TOOL_PATHS) ? TOOL_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        if (httpsOnly) {
            headers.set("Strict-Transport-Security", HSTS);
        }
        // Pages and API answers may carry someone's personal data: never keep them in a shared or local cache.
        if (!isStaticAsset(path)) {
            headers.set("Cache-Control", "no-store");
        }
    }

    /** The same for everyone: no identity is needed to serve it, and it may be cached. */
    public static boolean isStaticAsset(String path) {
        return startsWithAny(path, STATIC_PATHS);
    }

    private static boolean startsWithAny(String path, List<String> prefixes) {
        return path != null && prefixes.stream().anyMatch(path::startsWith);
    }
}
