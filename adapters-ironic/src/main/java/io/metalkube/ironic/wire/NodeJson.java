package io.metalkube.ironic.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * One Ironic node as {@code GET /v1/nodes/{id}} returns it (Ironic API reference, "Nodes"). Only the fields MetalKube
 * reads; unknown fields are ignored. Ironic masks passwords in driver_info as {@code "******"}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeJson(
        @JsonProperty("uuid") String uuid,
        @JsonProperty("name") String name,
        @JsonProperty("driver") String driver,
        @JsonProperty("boot_interface") String bootInterface,
        @JsonProperty("deploy_interface") String deployInterface,
        @JsonProperty("provision_state") String provisionState,
        @JsonProperty("target_provision_state") String targetProvisionState,
        @JsonProperty("power_state") String powerState,
        @JsonProperty("target_power_state") String targetPowerState,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("maintenance") boolean maintenance,
        @JsonProperty("reservation") String reservation,
        @JsonProperty("automated_clean") Boolean automatedClean,
        @JsonProperty("inspection_started_at") String inspectionStartedAt,
        @JsonProperty("inspection_finished_at") String inspectionFinishedAt,
        @JsonProperty("driver_info") Map<String, Object> driverInfo,
        @JsonProperty("instance_info") Map<String, Object> instanceInfo,
        @JsonProperty("properties") Map<String, Object> properties,
        @JsonProperty("extra") Map<String, Object> extra) {

    public NodeJson {
        driverInfo = driverInfo == null ? Map.of() : driverInfo;
        instanceInfo = instanceInfo == null ? Map.of() : instanceInfo;
        properties = properties == null ? Map.of() : properties;
        extra = extra == null ? Map.of() : extra;
    }

    public String extraString(String key) {
        Object v = extra.get(key);
        return v == null ? null : v.toString();
    }

    /** The node's state in its provisioning state machine ("enroll", "manageable", "active", ...). */
    public String state() {
        return provisionState == null ? "" : provisionState;
    }

    public boolean hasError() {
        return lastError != null && !lastError.isBlank();
    }
}
