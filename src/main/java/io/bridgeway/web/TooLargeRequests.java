package io.bridgeway.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a clear message. Quarkus's own check
 * answers 413 with an empty body; this runs before it (on the declared length, before any byte is read),
 * in the same words and shape as our other errors: JSON under /api, a short page elsewhere.
 */
@ApplicationScoped
public class TooLargeRequests {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (declaredLength(context) > limit) {
                refuse(context, limit);
            } else {
                context.next();
            }
        });
    }

    static String message(long limit) {
        return "The request is too large: at most " + (limit / (1024 * 1024)) + " MB can be sent.";
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed length itself
        }
    }

    private static void refuse(RoutingContext context, long limit) {
        boolean api = context.normalizedPath().startsWith("/api/");
        String body = api ? "{\"error\":\"" + message(limit) + "\",\"status\":413}"
                : "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too large</title>"
                        + "<link rel=\"stylesheet\" href=\"/css/bridgeway.css\"></head><body><main><h1>Too large</h1><p>"
                        + message(limit) + "</p><p><a href=\"/\">Back to Bridgeway</a></p></main></body></html>";
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, api ? "application/json" : "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close") // the unread body is not drained
                .end(body);
    }
}
