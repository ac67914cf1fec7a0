package io.metalkube.redfish;

/**
 * What a one-time boot override boots from (schema ComputerSystem {@code BootSourceOverrideTarget}): the network by
 * PXE, the virtual CD, or an image fetched by UEFI HTTP boot. Live-iso provisioning uses {@link #CD} (virtual media)
 * and {@link #UEFI_HTTP} ({@code redfish-uefihttp://} hosts); {@link RedfishBackend#bootOnce} offers all three.
 */
public enum BootDevice {
    PXE("Pxe"), CD("Cd"), UEFI_HTTP("UefiHttp");

    private final String wire;

    BootDevice(String wire) {
        this.wire = wire;
    }

    /** The Redfish {@code BootSourceOverrideTarget} value. */
    public String wire() {
        return wire;
    }
}
