package io.metalkube.domain.host;

import java.util.Objects;

/**
 * The part of spec.* the operator acts on (field names as metal3's BareMetalHost, metal3-anchors.md §1.2).
 * Null references mean "unset".
 */
public record HostSpec(BmcDetails bmc, String bootMACAddress, boolean online, Image image,
                       SecretRef userData, SecretRef networkData, SecretRef metaData, ConsumerRef consumerRef,
                       boolean externallyProvisioned, AutomatedCleaningMode automatedCleaningMode,
                       RootDeviceHints rootDeviceHints, BootMode bootMode, boolean disablePowerOff,
                       CustomDeploy customDeploy, InspectionMode inspectionMode) {

    public HostSpec {
        bmc = bmc == null ? BmcDetails.none() : bmc;
        bootMACAddress = bootMACAddress == null ? "" : bootMACAddress;
        automatedCleaningMode = automatedCleaningMode == null ? AutomatedCleaningMode.METADATA : automatedCleaningMode;
        bootMode = bootMode == null ? BootMode.UEFI : bootMode;
    }

    /** The spec without an inspection mode (metal3's default: inspect with the agent). */
    public HostSpec(BmcDetails bmc, String bootMACAddress, boolean online, Image image,
                    SecretRef userData, SecretRef networkData, SecretRef metaData, ConsumerRef consumerRef,
                    boolean externallyProvisioned, AutomatedCleaningMode automatedCleaningMode,
                    RootDeviceHints rootDeviceHints, BootMode bootMode, boolean disablePowerOff, CustomDeploy customDeploy) {
        this(bmc, bootMACAddress, online, image, userData, networkData, metaData, consumerRef, externallyProvisioned,
                automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, customDeploy, null);
    }

    /** The spec without a custom deploy (the form most callers build). */
    public HostSpec(BmcDetails bmc, String bootMACAddress, boolean online, Image image,
                    SecretRef userData, SecretRef networkData, SecretRef metaData, ConsumerRef consumerRef,
                    boolean externallyProvisioned, AutomatedCleaningMode automatedCleaningMode,
                    RootDeviceHints rootDeviceHints, BootMode bootMode, boolean disablePowerOff) {
        this(bmc, bootMACAddress, online, image, userData, networkData, metaData, consumerRef, externallyProvisioned,
                automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, null);
    }

    public static HostSpec empty() {
        return new HostSpec(null, null, false, null, null, null, null, null, false, null, null, null, false);
    }

    public boolean hasImage() {
        return image != null && image.hasUrl();
    }

    public boolean hasCustomDeploy() {
        return customDeploy != null;
    }

    /** Something to provision: an image, a custom deploy, or both. */
    public boolean hasDeployment() {
        return hasImage() || hasCustomDeploy();
    }

    /** metal3's NeedsProvisioning: online and an image or a custom deploy to provision. */
    public boolean wantsProvisioning() {
        return online && hasDeployment();
    }

    /** How the deployment reads in events and messages: the custom deploy method first, then the image URL. */
    public String deploymentSummary() {
        return CustomDeploy.describe(hasImage() ? image : null, customDeploy);
    }

    public HostSpec withBmc(BmcDetails v) {
        return new HostSpec(v, bootMACAddress, online, image, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, customDeploy, inspectionMode);
    }

    public HostSpec withBootMACAddress(String v) {
        return new HostSpec(bmc, v, online, image, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, customDeploy, inspectionMode);
    }

    public HostSpec withOnline(boolean v) {
        return new HostSpec(bmc, bootMACAddress, v, image, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, customDeploy, inspectionMode);
    }

    public HostSpec withImage(Image v) {
        return new HostSpec(bmc, bootMACAddress, online, v, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, customDeploy, inspectionMode);
    }

    public HostSpec withUserData(SecretRef v) {
        return new HostSpec(bmc, bootMACAddress, online, image, v, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, customDeploy, inspectionMode);
    }

    public HostSpec withConsumerRef(ConsumerRef v) {
        return new HostSpec(bmc, bootMACAddress, online, image, userData, networkData, metaData, v, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, customDeploy, inspectionMode);
    }

    public HostSpec withExternallyProvisioned(boolean v) {
        return new HostSpec(bmc, bootMACAddress, online, image, userData, networkData, metaData, consumerRef, v, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, customDeploy, inspectionMode);
    }

    public HostSpec withCustomDeploy(CustomDeploy v) {
        return new HostSpec(bmc, bootMACAddress, online, image, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, v, inspectionMode);
    }

    public HostSpec withDisablePowerOff(boolean v) {
        return new HostSpec(bmc, bootMACAddress, online, image, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, v, customDeploy, inspectionMode);
    }

    public HostSpec withInspectionMode(InspectionMode v) {
        return new HostSpec(bmc, bootMACAddress, online, image, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff, customDeploy, v);
    }

    /** spec.inspectionMode: disabled (metal3's InspectionDisabled() also honours the older annotation; see the lifecycle). */
    public boolean inspectionDisabled() {
        return inspectionMode == InspectionMode.DISABLED;
    }

    public boolean sameImageAs(Image other) {
        return Objects.equals(image, other);
    }

    /**
     * True when the spec asks for exactly what {@code applied} (status.provisioning) records as provisioned: the same
     * image (or none) and the same custom deploy (or none). Any difference means deprovisioning first (metal3's
     * provisioningCancelled; no in-place re-provisioning).
     */
    public boolean sameDeploymentAs(ProvisioningStatus applied) {
        return Objects.equals(image, applied.image()) && Objects.equals(customDeploy, applied.customDeploy());
    }

    /** What differs from {@code applied}, for events: "image cleared", "custom deploy changed; …" and so on. */
    public String deploymentChangeFrom(ProvisioningStatus applied) {
        boolean imageDiffers = !Objects.equals(image, applied.image());
        boolean customDiffers = !Objects.equals(customDeploy, applied.customDeploy());
        String what = imageDiffers && customDiffers ? "image and custom deploy" : customDiffers ? "custom deploy" : "image";
        return hasDeployment() ? what + " changed; deprovisioning before provisioning " + deploymentSummary() : what + " cleared";
    }
}
