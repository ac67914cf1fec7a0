package io.metalkube.ironic.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code GET /v1/ports?address=...}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortListJson(@JsonProperty("ports") List<PortJson> ports) {

    public PortListJson {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
