package io.metalkube.ironic.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /v1/nodes/{id}/validate}: per interface, whether the node's settings suffice and why not. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationJson(@JsonProperty("boot") Result boot, @JsonProperty("deploy") Result deploy,
                             @JsonProperty("power") Result power, @JsonProperty("management") Result management) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(@JsonProperty("result") Boolean result, @JsonProperty("reason") String reason) {

        public boolean failed() {
            return Boolean.FALSE.equals(result);
        }
    }
}
