package io.metalkube.ironic.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 6902 JSON Patch, as Ironic's {@code PATCH /v1/nodes/{id}} takes it. */
public final class JsonPatch {

    private final List<Map<String, Object>> ops = new ArrayList<>();

    public JsonPatch add(String path, Object value) {
        return op("add", path, value);
    }

    public JsonPatch replace(String path, Object value) {
        return op("replace", path, value);
    }

    public JsonPatch remove(String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", "remove");
        m.put("path", path);
        ops.add(m);
        return this;
    }

    private JsonPatch op(String op, String path, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("path", path);
        m.put("value", value);
        ops.add(m);
        return this;
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }

    public List<Map<String, Object>> operations() {
        return List.copyOf(ops);
    }

    /** The paths touched, for logs (never the values: driver_info carries the BMC password). */
    public List<String> paths() {
        return ops.stream().map(m -> (String) m.get("path")).toList();
    }
}
