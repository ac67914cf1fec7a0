package io.metalkube.domain.host;

/**
 * status.provisioning: the state and what was actually applied, compared with spec to detect changes.
 *
 * @param id           the back-end's identifier for the host (Ironic node UUID), empty until registered
 * @param image        the image being or last successfully provisioned; null when none
 * @param customDeploy the custom deploy being or last successfully provisioned; null when none
 */
public record ProvisioningStatus(ProvisioningState state, String id, Image image, RootDeviceHints rootDeviceHints,
                                 BootMode bootMode, CustomDeploy customDeploy) {

    public ProvisioningStatus {
        state = state == null ? ProvisioningState.NONE : state;
        id = id == null ? "" : id;
    }

    /** Status without a custom deploy. */
    public ProvisioningStatus(ProvisioningState state, String id, Image image, RootDeviceHints rootDeviceHints, BootMode bootMode) {
        this(state, id, image, rootDeviceHints, bootMode, null);
    }

    public static ProvisioningStatus initial() {
        return new ProvisioningStatus(ProvisioningState.NONE, "", null, null, null, null);
    }

    public ProvisioningStatus withState(ProvisioningState v) {
        return new ProvisioningStatus(v, id, image, rootDeviceHints, bootMode, customDeploy);
    }

    public ProvisioningStatus withId(String v) {
        return new ProvisioningStatus(state, v, image, rootDeviceHints, bootMode, customDeploy);
    }

    public ProvisioningStatus withImage(Image v) {
        return new ProvisioningStatus(state, id, v, rootDeviceHints, bootMode, customDeploy);
    }

    public ProvisioningStatus withCustomDeploy(CustomDeploy v) {
        return new ProvisioningStatus(state, id, image, rootDeviceHints, bootMode, v);
    }

    /** What {@code spec} asks to provision (image and custom deploy), recorded when provisioning starts. */
    public ProvisioningStatus withDeploymentOf(HostSpec spec) {
        return new ProvisioningStatus(state, id, spec.image(), rootDeviceHints, bootMode, spec.customDeploy());
    }

    /** Nothing provisioned any more (deprovisioning finished). */
    public ProvisioningStatus withoutDeployment() {
        return new ProvisioningStatus(state, id, null, rootDeviceHints, bootMode, null);
    }

    public ProvisioningStatus withApplied(RootDeviceHints hints, BootMode mode) {
        return new ProvisioningStatus(state, id, image, hints, mode, customDeploy);
    }
}
