package io.metalkube.kubernetes.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/** JSON trees for "did anything change?" comparisons of wire objects. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode tree(Object o) {
        return o == null ? NullNode.getInstance() : MAPPER.valueToTree(o);
    }
}
