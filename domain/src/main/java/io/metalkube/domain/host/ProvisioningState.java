package io.metalkube.domain.host;

import java.util.Optional;

/** status.provisioning.state, with metal3's wire names (metal3-anchors.md §1.8.2). */
public enum ProvisioningState implements WireNamed {
    NONE(""),
    UNMANAGED("unmanaged"),
    REGISTERING("registering"),
    MATCH_PROFILE("match profile"),
    INSPECTING("inspecting"),
    PREPARING("preparing"),
    AVAILABLE("available"),
    PROVISIONING("provisioning"),
    PROVISIONED("provisioned"),
    EXTERNALLY_PROVISIONED("externally provisioned"),
    DEPROVISIONING("deprovisioning"),
    POWERING_OFF_BEFORE_DELETE("powering off before delete"),
    DELETING("deleting");

    /** metal3's deprecated name for {@link #AVAILABLE}; accepted on input, never written. */
    public static final String READY_ALIAS = "ready";

    private final String wireName;

    ProvisioningState(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name; {@code ready} is read as {@link #AVAILABLE}, null as {@link #NONE}. */
    public static Optional<ProvisioningState> fromWire(String wire) {
        if (wire == null) {
            return Optional.of(NONE);
        }
        if (wire.equals(READY_ALIAS)) {
            return Optional.of(AVAILABLE);
        }
        return WireNamed.fromWire(ProvisioningState.class, wire);
    }

    /** States where the host waits for a user decision and power follows spec.online. */
    public boolean isSteady() {
        return this == AVAILABLE || this == PROVISIONED || this == EXTERNALLY_PROVISIONED;
    }

    /** States that occupy a slot of the provisioning limit. */
    public boolean isBusy() {
        return this == INSPECTING || this == PROVISIONING || this == DEPROVISIONING;
    }
}
