package io.metalkube.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** JSON merge patch (RFC 7386) and the strategic-merge-patch subset kubectl sends for Secrets and our resources. */
final class Patches {

    private Patches() {
    }

    /**
     * RFC 7386 §2: an object merges key by key, a {@code null} removes the key, anything else (arrays included)
     * replaces the target.
     */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (var field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /**
     * A strategic merge patch without its directives ({@code $patch}, {@code $retainKeys}, {@code $setElementOrder/…},
     * {@code $deleteFromPrimitiveList/…}): for maps (labels, annotations, data, spec fields) it then means what a merge
     * patch means. Our resources and Secrets have no lists with merge keys, so this is what a server would do for them.
     */
    static JsonNode withoutDirectives(JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode copy = ((ObjectNode) patch).deepCopy();
        List<String> directives = new ArrayList<>();
        copy.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("$")) {
                directives.add(n);
            }
        });
        directives.forEach(copy::remove);
        for (var field : copy.properties()) {
            if (field.getValue().isObject()) {
                field.setValue(withoutDirectives(field.getValue()));
            }
        }
        return copy;
    }
}
