package io.metalkube.ironic.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code GET /v1/nodes?fields=...}: the node list (without pagination links, which MetalKube follows by marker). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeListJson(@JsonProperty("nodes") List<NodeJson> nodes, @JsonProperty("next") String next) {

    public NodeListJson {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
