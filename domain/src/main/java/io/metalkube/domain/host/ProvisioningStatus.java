package io.metalkube.domain.host;

/**
 * status.provisioning: the state and what was actually applied, compared with spec to detect changes.
 *
 * @param id    the back-end's identifier for the host (Ironic node UUID), empty until registered
 * @param image the image being or last successfully provisioned; null when none
 */
public record ProvisioningStatus(ProvisioningState state, String id, Image image, RootDeviceHints rootDeviceHints,
                                 BootMode bootMode) {

    public ProvisioningStatus {
        state = state == null ? ProvisioningState.NONE : state;
        id = id == null ? "" : id;
    }

    public static ProvisioningStatus initial() {
        return new ProvisioningStatus(ProvisioningState.NONE, "", null, null, null);
    }

    public ProvisioningStatus withState(ProvisioningState v) {
        return new ProvisioningStatus(v, id, image, rootDeviceHints, bootMode);
    }

    public ProvisioningStatus withId(String v) {
        return new ProvisioningStatus(state, v, image, rootDeviceHints, bootMode);
    }

    public ProvisioningStatus withImage(Image v) {
        return new ProvisioningStatus(state, id, v, rootDeviceHints, bootMode);
    }

    public ProvisioningStatus withApplied(RootDeviceHints hints, BootMode mode) {
        return new ProvisioningStatus(state, id, image, hints, mode);
    }
}
