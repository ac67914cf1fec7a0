package io.metalkube.kubernetes.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

import java.util.List;

/**
 * machine.openshift.io/v1beta1 MachineSpec. The provider spec stays raw JSON, read by
 * {@code io.metalkube.kubernetes.mapping.ProviderConfigReader}, so a malformed one becomes an error on the Machine;
 * the fields MetalKube does not act on are kept as they are (the informer never drops them on a write).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OpenShiftMachineSpec {

    public MachineSpec.ProviderValue providerSpec;
    public String providerID;
    @PreserveUnknownFields
    public JsonNode metadata;
    @PreserveUnknownFields
    public List<JsonNode> taints;
    @PreserveUnknownFields
    public JsonNode lifecycleHooks;
    public String authoritativeAPI;
}
