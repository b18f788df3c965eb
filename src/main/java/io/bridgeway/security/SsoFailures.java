package io.bridgeway.security;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationRedirectException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * When the company sign-in itself fails (provider unreachable, a code that cannot be exchanged), the
 * person lands back on the sign-in page with a plain explanation instead of an error 500; the password
 * form there still works.
 */
@ApplicationScoped
public class SsoFailures {

    /** The {@code error} the sign-in page explains; the provider's own errors arrive there too (error-path). */
    static final String UNAVAILABLE = "sso_unavailable";

    void register(@Observes Router router) {
        router.route("/sso/*").order(Integer.MIN_VALUE + 1).failureHandler(context -> {
            if (context.failure() instanceof AuthenticationRedirectException || context.response().headWritten()) {
                context.next();
                return; // the code flow's own redirects travel as failures
            }
            Log.warnf(context.failure(), "Company sign-in failed on %s", context.normalizedPath());
            context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/login?error=" + UNAVAILABLE)
                    .end();
        });
    }
}
