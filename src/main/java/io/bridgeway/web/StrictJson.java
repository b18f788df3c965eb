package io.bridgeway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON bodies of the API: a whole-number field refuses 1.5 instead of reading it as 1, and a key sent twice is
 * refused instead of the last one winning, so that a script's mistake names a field rather than acting on
 * another person or round.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        strict(mapper);
    }

    /** The same rules for the mappers that read API bodies outside the REST layer. */
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
