package io.metalkube.domain.host;

import java.util.Objects;

/**
 * The part of spec.* the operator acts on (field names as metal3's BareMetalHost, metal3-anchors.md §1.2).
 * Null references mean "unset".
 */
public record HostSpec(BmcDetails bmc, String bootMACAddress, boolean online, Image image,
                       SecretRef userData, SecretRef networkData, SecretRef metaData, ConsumerRef consumerRef,
                       boolean externallyProvisioned, AutomatedCleaningMode automatedCleaningMode,
                       RootDeviceHints rootDeviceHints, BootMode bootMode, boolean disablePowerOff) {

    public HostSpec {
        bmc = bmc == null ? BmcDetails.none() : bmc;
        bootMACAddress = bootMACAddress == null ? "" : bootMACAddress;
        automatedCleaningMode = automatedCleaningMode == null ? AutomatedCleaningMode.METADATA : automatedCleaningMode;
        bootMode = bootMode == null ? BootMode.UEFI : bootMode;
    }

    public static HostSpec empty() {
        return new HostSpec(null, null, false, null, null, null, null, null, false, null, null, null, false);
    }

    public boolean hasImage() {
        return image != null && image.hasUrl();
    }

    /** metal3's NeedsProvisioning: online and an image to write. */
    public boolean wantsProvisioning() {
        return online && hasImage();
    }

    public HostSpec withBmc(BmcDetails v) {
        return new HostSpec(v, bootMACAddress, online, image, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff);
    }

    public HostSpec withBootMACAddress(String v) {
        return new HostSpec(bmc, v, online, image, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff);
    }

    public HostSpec withOnline(boolean v) {
        return new HostSpec(bmc, bootMACAddress, v, image, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff);
    }

    public HostSpec withImage(Image v) {
        return new HostSpec(bmc, bootMACAddress, online, v, userData, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff);
    }

    public HostSpec withUserData(SecretRef v) {
        return new HostSpec(bmc, bootMACAddress, online, image, v, networkData, metaData, consumerRef, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff);
    }

    public HostSpec withConsumerRef(ConsumerRef v) {
        return new HostSpec(bmc, bootMACAddress, online, image, userData, networkData, metaData, v, externallyProvisioned, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff);
    }

    public HostSpec withExternallyProvisioned(boolean v) {
        return new HostSpec(bmc, bootMACAddress, online, image, userData, networkData, metaData, consumerRef, v, automatedCleaningMode, rootDeviceHints, bootMode, disablePowerOff);
    }

    public boolean sameImageAs(Image other) {
        return Objects.equals(image, other);
    }
}
