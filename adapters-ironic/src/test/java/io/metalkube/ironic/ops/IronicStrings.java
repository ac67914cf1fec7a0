package io.metalkube.ironic.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object's entries with string values, for compact assertions. */
final class IronicStrings {

    private IronicStrings() {
    }

    static Map<String, String> of(Object jsonObject) {
        Map<String, String> out = new LinkedHashMap<>();
        if (jsonObject instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }
}
