package io.bridgeway.web;

import io.bridgeway.BridgewayConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over its limit with a clear message: {@code bridgeway.http.max-body-size} (1 MB), or
 * {@code quarkus.http.limits.max-body-size} (20 MB) on {@code bridgeway.http.large-body-paths}. Quarkus's own
 * check (the larger limit, for every path, also for bodies sent without a declared length) answers 413 with an
 * empty body; this runs before it (on the declared length, before any byte is read), in the same words and shape
 * as our other errors: JSON under /api, a short page elsewhere. A body without a declared length (chunked) is
 * refused with 411 on the 1 MB paths, since only the larger limit would stop it; browsers always declare one.
 */
@ApplicationScoped
public class TooLargeRequests {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    BridgewayConfig config;

    void register(@Observes Router router) {
        long large = maxBodySize.asLongValue();
        long small = Math.min(large, config.http().maxBodySize().asLongValue());
        List<String> largeBodyPaths = config.http().largeBodyPaths();
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String path = context.normalizedPath();
            long limit = largeBodyPaths.stream().anyMatch(path::startsWith) ? large : small;
            if (declaredLength(context) > limit) {
                refuse(context, 413, message(limit));
            } else if (limit < large && sentWithoutLength(context)) {
                // Only Quarkus's larger limit would stop an endless chunked body here, so ask for the length.
                refuse(context, 411, LENGTH_REQUIRED);
            } else {
                context.next();
            }
        });
    }

    static final String LENGTH_REQUIRED = "The request must say its length (a Content-Length header).";

    static String message(long limit) {
        return "The request is too large: at most " + (limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MB"
                : limit / 1024 + " KB") + " can be sent.";
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed length itself
        }
    }

    /** A body sent in chunks, with no length declared up front. */
    private static boolean sentWithoutLength(RoutingContext context) {
        return context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static void refuse(RoutingContext context, int status, String message) {
        boolean api = context.normalizedPath().startsWith("/api/");
        String title = status == 413 ? "Too large" : "Length required";
        String body = api ? "{\"error\":\"" + message + "\",\"status\":" + status + "}"
                : "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                        + "<link rel=\"stylesheet\" href=\"/css/bridgeway.css\"></head><body><main><h1>" + title
                        + "</h1><p>" + message + "</p><p><a href=\"/\">Back to Bridgeway</a></p></main></body></html>";
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, api ? "application/json" : "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close") // the unread body is not drained
                .end(body);
    }
}
