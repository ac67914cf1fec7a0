package io.metalkube.ironic.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code GET /}: the root document listing API versions (Ironic API reference, "API versions"): for v1,
 * {@code min_version} and {@code version} (the maximum microversion).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RootJson(@JsonProperty("versions") List<Version> versions, @JsonProperty("default_version") Version defaultVersion) {

    public RootJson {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(@JsonProperty("id") String id, @JsonProperty("min_version") String minVersion,
                          @JsonProperty("version") String version, @JsonProperty("status") String status) {
    }
}
