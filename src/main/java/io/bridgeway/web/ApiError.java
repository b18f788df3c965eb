package io.bridgeway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * What is wrong with a JSON body, in plain words: Jackson's own messages name Java classes
     * ({@code java.lang.Long}, record types), which mean nothing to the caller and describe our internals.
     */
    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'.";
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = expected(mismatch.getTargetType());
            if (field.isEmpty()) {
                return mismatch.getTargetType() == null ? "The request body is empty or incomplete."
                        : "The request body must be " + expected + ".";
            }
            return "Field '" + field + "' must be " + expected + ".";
        }
        String detail = e.getOriginalMessage();
        int noise = detail == null ? -1 : detail.indexOf(" (start marker at");
        detail = noise < 0 ? detail : detail.substring(0, noise);
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return "Malformed JSON" + where + ": " + detail;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, Long.class, Short.class, Byte.class,
            int.class, long.class, short.class, byte.class);

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a JSON value of another kind";
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a JSON object";
    }
}
