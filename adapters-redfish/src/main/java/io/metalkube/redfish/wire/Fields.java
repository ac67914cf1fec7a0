package io.metalkube.redfish.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One JSON object of a Redfish payload (DSP0266 §9), read field by field: every accessor names the field it reads,
 * an absent or {@code null} property reads as null, and a property of the wrong JSON type is a
 * {@link RedfishDecodeException} naming the resource and the field.
 */
public final class Fields {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode node;
    private final String where;

    private Fields(ObjectNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** Parses a response body that must be one JSON object, e.g. a resource. */
    public static Fields parse(byte[] body, String resource) {
        JsonNode tree;
        try {
            tree = body == null || body.length == 0 ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RedfishDecodeException("malformed JSON in " + resource + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RedfishDecodeException("unreadable JSON in " + resource + ": " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new RedfishDecodeException(resource + " has an empty body where a JSON object was expected");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new RedfishDecodeException(resource + " is a JSON " + kind(tree) + ", not an object");
        }
        return new Fields(object, resource);
    }

    public String where() {
        return where;
    }

    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** The object carries the property at all, even as {@code null} (a supported but unset property). */
    public boolean declares(String name) {
        return node.has(name);
    }

    public String text(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(name, "a string", v);
        }
        return v.textValue();
    }

    public Boolean bool(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw wrongType(name, "true or false", v);
        }
        return v.booleanValue();
    }

    /** An integer property that fits a long. */
    public Long integer(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToLong()) {
                return v.longValue(); // 8.0 is an integer written as a decimal
            }
            throw wrongType(name, "an integer", v);
        }
        return v.longValue();
    }

    public Double number(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(name, "a number", v);
        }
        double d = v.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw wrongType(name, "a finite number", v);
        }
        return d;
    }

    public Fields object(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof ObjectNode o)) {
            throw wrongType(name, "an object", v);
        }
        return new Fields(o, where + "." + name);
    }

    public List<Fields> objects(String name) {
        return array(name, (element, at) -> {
            if (!(element instanceof ObjectNode o)) {
                throw wrongType(at, "an object", element);
            }
            return new Fields(o, where + "." + at);
        });
    }

    public List<String> texts(String name) {
        return array(name, (element, at) -> {
            if (!element.isTextual()) {
                throw wrongType(at, "a string", element);
            }
            return element.textValue();
        });
    }

    /** A navigation property {@code {"@odata.id": uri}} (DSP0266 §9.5.9). */
    public String link(String name) {
        Fields o = object(name);
        return o == null ? null : o.text("@odata.id");
    }

    /** An array of navigation properties; entries without {@code @odata.id} are a decode error. */
    public List<String> links(String name) {
        List<String> out = new ArrayList<>();
        for (Fields f : objects(name)) {
            String id = f.text("@odata.id");
            if (id == null) {
                throw new RedfishDecodeException(f.where + " has no \"@odata.id\"");
            }
            out.add(id);
        }
        return out;
    }

    private interface Element<T> {
        T read(JsonNode element, String at);
    }

    private <T> List<T> array(String name, Element<T> read) {
        JsonNode v = value(name);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw wrongType(name, "an array", v);
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(read.read(v.get(i), name + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    private JsonNode value(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private RedfishDecodeException wrongType(String name, String expected, JsonNode found) {
        return new RedfishDecodeException(where + ": \"" + name + "\" should be " + expected + ", found a " + kind(found));
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Applies {@code read} and turns the decoder's own failures into the caller's context. */
    public static <T> T decode(byte[] body, String resource, Function<Fields, T> read) {
        return read.apply(parse(body, resource));
    }
}
