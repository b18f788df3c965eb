package io.bridgeway.web;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Friendly errors: an HTML page for people, a JSON {"error": ...} body for the API. Unexpected
 * failures are logged and never show a stack trace.
 */
public class ErrorPages {

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(403, "Not allowed", "Your account does not have access to this page.", uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(404, "Not found", "There is nothing at this address.", uri);
    }

    /** A stale write, also when it surfaces only at commit (wrapped in a RollbackException by Arc). */
    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri) {
        return conflict(uri);
    }

    @ServerExceptionMapper
    public Response staleWrite(StaleStateException e, UriInfo uri) {
        return conflict(uri);
    }

    private static Response conflict(UriInfo uri) {
        return respond(409, "Changed by someone else", StaleWrites.MESSAGE, uri);
    }

    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return web.getResponse();
        }
        if (StaleWrites.isStaleWrite(e)) {
            return conflict(uri);
        }
        Log.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(500, "Something went wrong", "The error has been logged. Please try again.", uri);
    }

    static Response respond(int status, String title, String message, UriInfo uri) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", message, "status", status)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(Templates.error(status, title, message)).build();
    }
}
