package io.metalkube.domain.host;

import java.util.Optional;

/** status.errorType with metal3's wire names; the Kubernetes event reason is the CamelCase form. */
public enum ErrorType implements WireNamed {
    REGISTRATION("registration error", "RegistrationError"),
    PROVISIONED_REGISTRATION("provisioned registration error", "ProvisionedRegistrationError"),
    INSPECTION("inspection error", "InspectionError"),
    PREPARATION("preparation error", "PreparationError"),
    PROVISIONING("provisioning error", "ProvisioningError"),
    POWER_MANAGEMENT("power management error", "PowerManagementError"),
    DETACH("detach error", "DetachError");

    private final String wireName;
    private final String eventReason;

    ErrorType(String wireName, String eventReason) {
        this.wireName = wireName;
        this.eventReason = eventReason;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public String eventReason() {
        return eventReason;
    }

    public static Optional<ErrorType> fromWire(String wire) {
        return WireNamed.fromWire(ErrorType.class, wire);
    }
}
