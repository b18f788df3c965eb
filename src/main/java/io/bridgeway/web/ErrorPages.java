package io.bridgeway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * Friendly errors: an HTML page for people, a JSON {"error": ...} body for the API. Unexpected
 * failures are logged and never show a stack trace.
 */
public class ErrorPages {

    static final String INVALID_ADDRESS_VALUE = "A value in the address is not valid: numbers, such as ids and page numbers, must be whole numbers.";

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(403, "Not allowed", "Your account does not have access to this page.", uri);
    }

    /** Quarkus REST reports a path or query value it cannot convert (/programs/abc, ?page=x) as "not found". */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() != null) {
            return respond(400, "Bad request", INVALID_ADDRESS_VALUE, uri);
        }
        return nothingHere(uri);
    }

    /** The 404 answer (page or JSON), for a mapper that finds its subject gone while answering. */
    public static Response nothingHere(UriInfo uri) {
        return respond(404, "Not found", "There is nothing at this address.", uri);
    }

    /** A JSON body the API cannot read: say what is wrong without Jackson's class names. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(400, "Bad request", ApiError.describe(e), uri);
    }

    /** Also for the subtype, or quarkus-rest-jackson's own mapper (which names the Java types) would win. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /**
     * Our code never lets a checked IOException reach this layer (it wraps its own), so one that does came
     * from reading the request: a malformed multipart body, or a client that went away mid-upload.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, UriInfo uri) {
        return respond(400, "Bad request", "The request body could not be read.", uri);
    }

    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e, UriInfo uri) {
        return respond(400, "Bad request", "The request body could not be read.", uri);
    }

    /** A rule of the application refused the request: 400 with the reason and the field at fault. */
    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e, UriInfo uri) {
        if (uri.getPath().startsWith("/api/")) {
            return json(400, e.getMessage(), e.field());
        }
        return respond(400, "Not possible", e.getMessage(), uri);
    }

    /** A failure on the server's side that left a known state: the message says which, and what to do. */
    @ServerExceptionMapper
    public Response unavailable(UnavailableException e, UriInfo uri) {
        return respond(503, "Not done", e.getMessage(), uri);
    }

    /** A change made from a stale copy; the message names who changed it when known. */
    @ServerExceptionMapper
    public Response staleEdit(StaleEditException e, UriInfo uri) {
        if (uri.getPath().startsWith("/api/")) {
            return json(409, e.getMessage(), null);
        }
        return respond(409, "Changed by someone else", e.getMessage(), uri);
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
            Response response = web.getResponse();
            // Our own 4xx answers carry their message; framework ones get plain words instead of internals.
            return response.hasEntity() ? response
                    : respond(response.getStatus(), "Bad request", clientError(response.getStatus()), uri);
        }
        if (StaleWrites.isStaleWrite(e)) {
            return conflict(uri);
        }
        if (overFormFieldLimit(e)) {
            return respond(400, "Bad request", "The form has too many fields.", uri);
        }
        Log.errorf(e, "Unexpected error on %s", loggablePath(uri.getPath()));
        return respond(500, "Something went wrong", "The error has been logged. Please try again.", uri);
    }

    /**
     * The form parser refuses a form of over 1,000 fields with a plain RuntimeException; no page of ours has
     * that many (the availability grid has 168), so it is the sender's doing, not ours to log.
     */
    static boolean overFormFieldLimit(Throwable e) {
        StackTraceElement[] at = e.getStackTrace();
        return e.getClass() == RuntimeException.class && at.length > 0
                && at[0].getClassName().equals(FormData.class.getName());
    }

    /** A calendar feed's address is its only key (the other secrets travel in query strings, never logged). */
    private static final Pattern SECRET_IN_PATH = Pattern.compile("(?i)(/calendar/)[^/]*?(\\.ics)?(?=/|$)");

    /** The path as it may be written to the log: a calendar-feed token becomes {@code ***}. */
    static String loggablePath(String path) {
        return path == null ? null : SECRET_IN_PATH.matcher(path).replaceAll("$1***$2");
    }

    private static String clientError(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that kind of request.";
            case 406 -> "This address cannot answer in the format you asked for.";
            case 413 -> "The request is too large.";
            case 415 -> "This address does not accept that type of content.";
            default -> "The request could not be read. Check the address and the values you sent.";
        };
    }

    /** The API's error body: {"error": ..., "field": ..., "status": ...}; field may be null. */
    static Response json(int status, String message, String field) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", message);
        body.put("field", field);
        body.put("status", status);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    static Response respond(int status, String title, String message, UriInfo uri) {
        return respond(status, title, message, uri.getPath());
    }

    static Response respond(int status, String title, String message, String path) {
        if (path.startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", message, "status", status)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(Templates.error(status, title, message)).build();
    }
}
