package io.metalkube.kubernetes.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * A status write as an RFC 6902 JSON patch on the status subresource that also sets metadata.resourceVersion to
 * the version the caller read: the API server (and the CRUD mock) refuse it with 409 when the object changed since,
 * so a decision made on a stale cache read is retried instead of overwriting a newer status. (A PUT to /status
 * would do the same on a real server, but the CRUD mock does not check the resourceVersion there.)
 */
final class StatusPatch {

    static final PatchContext JSON_PATCH = PatchContext.of(PatchType.JSON);

    private StatusPatch() {
    }

    /**
     * Sets only the named top-level status fields (creating status when there is none), leaving the rest of the status
     * exactly as stored: for an object whose status cannot be read, so cannot be written back whole.
     */
    static String settingFields(String resourceVersion, boolean hasStatus, java.util.Map<String, Object> fields) {
        ArrayNode ops = JsonNodeFactory.instance.arrayNode();
        ops.addObject().put("op", "replace").put("path", "/metadata/resourceVersion").put("value", resourceVersion);
        if (!hasStatus) {
            ops.addObject().put("op", "add").put("path", "/status").putObject("value");
        }
        fields.forEach((name, value) -> ops.addObject().put("op", "add").put("path", "/status/" + name)
                .set("value", switch (value) {
                    case null -> JsonNodeFactory.instance.nullNode();
                    case Integer i -> JsonNodeFactory.instance.numberNode(i);
                    default -> JsonNodeFactory.instance.textNode(value.toString());
                }));
        return ops.toString();
    }

    /** The status is serialised as fabric8 would for an updateStatus (same null handling). */
    static String replacing(KubernetesSerialization serialization, String resourceVersion, Object status) {
        ArrayNode ops = JsonNodeFactory.instance.arrayNode();
        ops.addObject().put("op", "replace").put("path", "/metadata/resourceVersion").put("value", resourceVersion);
        ops.addObject().put("op", "add").put("path", "/status").set("value", serialization.convertValue(status, JsonNode.class));
        return ops.toString();
    }
}
