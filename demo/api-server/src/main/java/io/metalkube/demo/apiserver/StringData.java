package io.metalkube.demo.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A Secret's {@code stringData} becomes {@code data} (base64), overriding keys of the same name, as the API server does. */
final class StringData {

    private StringData() {
    }

    static void fold(ObjectNode secret) {
        if (!(secret.get("stringData") instanceof ObjectNode stringData)) {
            secret.remove("stringData");
            return;
        }
        ObjectNode data = secret.get("data") instanceof ObjectNode d ? d : secret.putObject("data");
        for (var entry : stringData.properties()) {
            data.put(entry.getKey(), Base64.getEncoder().encodeToString(entry.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        }
        secret.remove("stringData");
    }
}
