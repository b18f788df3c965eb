package io.bridgeway.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** JSON error bodies of the API: {"error": "...", "fields": {...}} with status 400. */
public final class ApiError {

    private ApiError() {
    }

    public static Response invalid(FormErrors errors) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "The request has invalid fields.", "status", 400, "fields", errors.asMap()))
                .build();
    }

    public static WebApplicationException badRequest(String message) {
        return new WebApplicationException(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message, "status", 400)).build());
    }
}
