package io.metalkube.kubernetes.admission;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.stream.Collectors;

/**
 * Reads the object inside a review into its custom-resource type, or says which field has the wrong type.
 * Unknown fields are ignored (the API server prunes them by the CRD schema); wrong types are not.
 */
final class WireDecoder {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WireDecoder() {
    }

    /** Thrown when the object cannot be read as its type; the message names the field and what it should be. */
    static final class UndecodableObject extends Exception {
        UndecodableObject(String message) {
            super(message);
        }
    }

    static <T> T decode(JsonNode object, Class<T> type) throws UndecodableObject {
        try {
            return JSON.treeToValue(object, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? describe(m.getTargetType()) : "a different type";
            throw new UndecodableObject((path.isEmpty() ? "the object" : path) + " has the wrong type: expected " + expected);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new UndecodableObject("the object cannot be read as " + type.getSimpleName() + ": " + e.getClass().getSimpleName());
        }
    }

    private static String describe(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a map";
        }
        return "an object (" + type.getSimpleName() + ")";
    }
}
