package io.metalkube.kubernetes.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

import java.util.List;

/**
 * cluster-api v1alpha1 MachineSpec. The provider config is kept as raw JSON here and read by
 * {@code io.metalkube.kubernetes.mapping.ProviderConfigReader}, so a malformed one becomes a Machine status error
 * instead of an object the API server or the informer cannot load.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MachineSpec {

    /** The older name (the MetalKube seed's): {@code providerConfig.value}. */
    public ProviderValue providerConfig;
    /** The newer name: {@code providerSpec.value}. */
    public ProviderValue providerSpec;
    public String providerID;
    public Versions versions;
    @PreserveUnknownFields
    public JsonNode metadata;
    @PreserveUnknownFields
    public List<JsonNode> taints;
    @PreserveUnknownFields
    public JsonNode configSource;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ProviderValue {
        @PreserveUnknownFields
        public JsonNode value;
        @PreserveUnknownFields
        public JsonNode valueFrom;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Versions {
        public String kubelet;
        public String controlPlane;
    }
}
