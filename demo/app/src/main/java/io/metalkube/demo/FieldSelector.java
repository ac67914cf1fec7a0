package io.metalkube.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Field selectors the embedded API server ignores (it matches only metadata.name): {@code kubectl get events
 * --field-selector involvedObject.name=host-0} and {@code kubectl describe}, which finds an object's events that way.
 * The gateway asks for the whole list and keeps the items that match, as a real API server would ({@code =}, {@code ==},
 * {@code !=}, comma-separated requirements, dotted field paths).
 */
final class FieldSelector {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Requirement(String[] path, String value, boolean equal) {
        boolean matches(JsonNode item) {
            JsonNode node = item;
            for (String key : path) {
                node = node.path(key);
            }
            String actual = node.isMissingNode() || node.isNull() ? "" : node.asText();
            return actual.equals(value) == equal;
        }
    }

    private final List<Requirement> requirements;
    private final String queryWithout;

    private FieldSelector(List<Requirement> requirements, String queryWithout) {
        this.requirements = requirements;
        this.queryWithout = queryWithout;
    }

    /** The selector of a list request's raw query, if it has one. */
    static Optional<FieldSelector> of(String rawQuery) {
        if (rawQuery == null || !rawQuery.contains("fieldSelector=")) {
            return Optional.empty();
        }
        List<Requirement> requirements = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String param : rawQuery.split("&")) {
            if (!param.startsWith("fieldSelector=")) {
                rest.add(param);
                continue;
            }
            String selector = URLDecoder.decode(param.substring("fieldSelector=".length()), StandardCharsets.UTF_8);
            for (String term : selector.split(",")) {
                if (term.isBlank()) {
                    continue;
                }
                boolean not = term.contains("!=");
                String[] kv = term.split(not ? "!=" : "==?", 2);
                requirements.add(new Requirement(kv[0].strip().split("\\."), kv.length > 1 ? kv[1].strip() : "", !not));
            }
        }
        return Optional.of(new FieldSelector(requirements, String.join("&", rest)));
    }

    /** The query to send upstream: the same without the field selector. */
    String upstreamQuery() {
        return queryWithout;
    }

    /** The list with only the matching items. */
    byte[] filter(byte[] list) throws IOException {
        JsonNode body = JSON.readTree(list);
        if (!(body instanceof ObjectNode object) || !(body.get("items") instanceof ArrayNode items)) {
            return list;
        }
        ArrayNode kept = JSON.createArrayNode();
        items.forEach(item -> {
            if (requirements.stream().allMatch(r -> r.matches(item))) {
                kept.add(item);
            }
        });
        object.set("items", kept);
        return JSON.writeValueAsBytes(object);
    }
}
