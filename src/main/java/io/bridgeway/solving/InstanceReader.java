package io.bridgeway.solving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgeway.web.ApiError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a MODEL.md instance from a request body with Jackson's streaming parser, counting the entries of
 * the top-level {@code "people"} array as they arrive. An instance over the limit is refused as soon as
 * the limit is passed, before the rest of the body is read or its tree is built (a JSON tree costs tens
 * of times the size of its text).
 */
final class InstanceReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InstanceReader() {
    }

    /** The instance as a JSON object; 400 for a body that is empty, not JSON, not an object or too large. */
    static ObjectNode read(InputStream body, int maxPeople) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ApiError.badRequest("The request body must be a JSON object (a MODEL.md instance).");
            }
            ObjectNode root = MAPPER.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                root.set(field, "people".equals(field) && value == JsonToken.START_ARRAY
                        ? people(parser, maxPeople) : MAPPER.readTree(parser));
            }
            if (parser.nextToken() != null) {
                throw ApiError.badRequest("The request body has content after the instance's closing brace.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(ApiError.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static ArrayNode people(JsonParser parser, int maxPeople) throws IOException {
        ArrayNode people = MAPPER.createArrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (people.size() == maxPeople) {
                throw ApiError.badRequest("The instance has more than " + maxPeople
                        + " people, the limit (bridgeway.solve.max-people).");
            }
            people.add(MAPPER.<JsonNode>readTree(parser));
        }
        return people;
    }
}
