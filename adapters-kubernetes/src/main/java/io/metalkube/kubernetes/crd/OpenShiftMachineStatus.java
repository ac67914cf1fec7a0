package io.metalkube.kubernetes.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

import java.util.List;

/**
 * machine.openshift.io/v1beta1 MachineStatus. MetalKube writes phase, addresses, errorReason, errorMessage and
 * lastUpdated; every other field (nodeRef, providerStatus, conditions, lastOperation, ...) is carried over unchanged,
 * as OpenShift's baremetal actuator leaves them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OpenShiftMachineStatus {

    public String phase;
    public List<MachineStatus.Address> addresses;
    public String errorReason;
    public String errorMessage;
    public String lastUpdated;
    public ObjectReference nodeRef;
    @PreserveUnknownFields
    public JsonNode providerStatus;
    @PreserveUnknownFields
    public JsonNode lastOperation;
    @PreserveUnknownFields
    public List<JsonNode> conditions;
    public String authoritativeAPI;
    public Long synchronizedGeneration;
}
