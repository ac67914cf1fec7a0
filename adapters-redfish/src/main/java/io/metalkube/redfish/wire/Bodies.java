package io.metalkube.redfish.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Request bodies: small JSON objects built from ordered name/value pairs (strings, booleans, nested maps). */
public final class Bodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Bodies() {
    }

    /** An empty JSON object {@code {}}: what EjectMedia and other parameterless actions get (iLO answers 415 without it). */
    public static byte[] empty() {
        return "{}".getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code {name: value, ...}}; a value may be a String, Boolean, Number or a nested Map. Order is kept. */
    public static byte[] of(Map<String, ?> fields) {
        ObjectNode root = MAPPER.createObjectNode();
        put(root, fields);
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON body", e);
        }
    }

    private static void put(ObjectNode target, Map<String, ?> fields) {
        fields.forEach((name, value) -> {
            switch (value) {
                case null -> target.putNull(name);
                case String s -> target.put(name, s);
                case Boolean b -> target.put(name, b);
                case Integer i -> target.put(name, i);
                case Long l -> target.put(name, l);
                case Map<?, ?> m -> {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> nested = (Map<String, ?>) m;
                    put(target.putObject(name), nested);
                }
                default -> throw new IllegalArgumentException("unsupported JSON value for " + name + ": " + value.getClass());
            }
        });
    }
}
