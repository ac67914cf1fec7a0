package io.metalkube.kubernetes.real;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.generator.annotation.Pattern;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every field of one of our wire types (spec, status) filled with a sample value, recursively, as JSON: what the
 * operator could ever write. Written to a real API server and read back, any difference is a field its schema would
 * silently prune. Fields with a {@link Pattern} get a value the pattern allows.
 */
final class WireSamples {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** A value each pattern allows (the patterns are metal3's closed value sets). */
    private static final Map<String, String> PATTERN_SAMPLES = Map.of(
            "^$|^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$", "52:54:00:ab:cd:ef",
            "^(UEFI|UEFISecureBoot|legacy)?$", "UEFISecureBoot",
            "^(metadata|disabled)?$", "disabled",
            "^(md5|sha256|sha512|auto)?$", "sha512",
            "^(raw|qcow2|vdi|vmdk|live-iso)?$", "live-iso");

    private WireSamples() {
    }

    static ObjectNode of(Class<?> type) {
        ObjectNode o = F.objectNode();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            JsonProperty renamed = f.getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : f.getName();
            o.set(name, value(f.getName(), f.getGenericType(), f.getAnnotation(Pattern.class)));
        }
        return o;
    }

    private static JsonNode value(String name, Type type, Pattern pattern) {
        if (pattern != null) {
            String sample = PATTERN_SAMPLES.get(pattern.value());
            if (sample == null) {
                throw new IllegalStateException("no sample value for field " + name + " with pattern " + pattern.value()
                        + "; add one to WireSamples.PATTERN_SAMPLES");
            }
            return F.textNode(sample);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            ArrayNode a = F.arrayNode();
            a.add(value(name, p.getActualTypeArguments()[0], null));
            return a;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return F.textNode(name.toLowerCase().contains("time") || name.equals("lastUpdated") || name.equals("start")
                    || name.equals("end") || name.equals("powerOffSince") ? "2026-11-29T01:02:03Z" : "sample-" + name);
        }
        if (c == Boolean.class || c == boolean.class) {
            return F.booleanNode(true);
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return F.numberNode(7);
        }
        if (c == Double.class || c == double.class) {
            return F.numberNode(2.5);
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            return F.objectNode().put("free", "form").set("nested", F.objectNode().put("kept", true));
        }
        if (c == io.fabric8.kubernetes.api.model.Condition.class) {
            return new ObjectMapper().valueToTree(Map.of("type", "Ready", "status", "True", "reason", "Sample",
                    "message", "sample condition", "lastTransitionTime", "2026-11-29T01:02:03Z", "observedGeneration", 3));
        }
        if (c.getPackageName().startsWith("io.metalkube")) {
            return of(c);
        }
        throw new IllegalStateException("WireSamples cannot fill " + name + " of type " + type + "; teach it");
    }

    /** JSON paths present in {@code written} but missing or different in {@code stored}. */
    static List<String> lost(JsonNode written, JsonNode stored, String path) {
        List<String> lost = new ArrayList<>();
        if (written.isObject()) {
            written.fields().forEachRemaining(e -> {
                JsonNode s = stored == null ? null : stored.get(e.getKey());
                lost.addAll(s == null || s.isNull() ? List.of(path + "." + e.getKey()) : lost(e.getValue(), s, path + "." + e.getKey()));
            });
        } else if (written.isArray()) {
            for (int i = 0; i < written.size(); i++) {
                JsonNode s = stored == null || !stored.isArray() || stored.size() <= i ? null : stored.get(i);
                lost.addAll(s == null ? List.of(path + "[" + i + "]") : lost(written.get(i), s, path + "[" + i + "]"));
            }
        } else if (stored == null || !(written.isNumber() && stored.isNumber() ? written.asDouble() == stored.asDouble() : written.equals(stored))) {
            lost.add(path + " (wrote " + written + ", stored " + stored + ")");
        }
        return lost;
    }
}
