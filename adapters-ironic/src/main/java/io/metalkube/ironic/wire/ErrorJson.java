package io.metalkube.ironic.wire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ironic's error bodies: {@code {"error_message": "<a JSON document as a string>"}} whose inner object carries
 * {@code faultstring} (or {@code title}/{@code description} for 406). Decoded leniently: any shape yields a message.
 */
public final class ErrorJson {

    private ErrorJson() {
    }

    /** The human-readable message in an error body, or a short excerpt of the body when it has no known shape. */
    public static String message(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode root = Wire.MAPPER.readTree(body);
            JsonNode inner = root.path("error_message");
            if (inner.isTextual()) {
                String text = inner.asText();
                try {
                    JsonNode decoded = Wire.MAPPER.readTree(text);
                    String found = fault(decoded);
                    return found != null ? found : text;
                } catch (Exception notJson) {
                    return text;
                }
            }
            String found = fault(inner.isMissingNode() ? root : inner);
            return found != null ? found : excerpt(body);
        } catch (Exception e) {
            return excerpt(body);
        }
    }

    private static String fault(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String key : new String[]{"faultstring", "description", "title", "message"}) {
            if (node.path(key).isTextual()) {
                return node.path(key).asText();
            }
        }
        return null;
    }

    static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
