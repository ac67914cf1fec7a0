package io.metalkube.ironic.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON mapping for Ironic's wire format. The only place that turns bytes into wire records and back. */
public final class Wire {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

    private Wire() {
    }

    /**
     * Parses {@code body} as {@code type}.
     *
     * @throws MalformedJsonException when the body is not JSON of that shape
     */
    public static <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new MalformedJsonException("an empty body where a " + type.getSimpleName() + " was expected");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new MalformedJsonException("JSON null where a " + type.getSimpleName() + " was expected");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage()
                    + " (body starts with: " + ErrorJson.excerpt(body.length() > 80 ? body.substring(0, 80) : body) + ")");
        }
    }

    /** Serialises a request body (maps, lists, strings, numbers, booleans). */
    public static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise an Ironic request body: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses free-form JSON (config-drive network_data/meta_data) into maps and lists. */
    public static Object parseAny(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A response or document that is not the JSON we expected. */
    public static final class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}
