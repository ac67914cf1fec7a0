package io.metalkube.ironic.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One Ironic port (a NIC's MAC address bound to a node). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortJson(@JsonProperty("uuid") String uuid, @JsonProperty("address") String address,
                       @JsonProperty("node_uuid") String nodeUuid) {
}
