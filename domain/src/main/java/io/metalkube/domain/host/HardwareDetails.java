package io.metalkube.domain.host;

import java.util.List;

/**
 * status.hardware: what inspection found (metal3's HardwareDetails, metal3-anchors.md §1.4). Null fields are unknown.
 */
public record HardwareDetails(SystemVendor systemVendor, Firmware firmware, Integer ramMebibytes, List<Nic> nics,
                              List<Storage> storage, Cpu cpu, String hostname) {

    public HardwareDetails {
        nics = nics == null ? List.of() : List.copyOf(nics);
        storage = storage == null ? List.of() : List.copyOf(storage);
    }

    public record SystemVendor(String manufacturer, String productName, String serialNumber) {
    }

    /** Firmware versions: BIOS and, where the back-end can read it, the BMC's own firmware. */
    public record Firmware(Bios bios, String bmcVersion) {
    }

    public record Bios(String date, String vendor, String version) {
    }

    public record Nic(String name, String model, String mac, String ip, Integer speedGbps, Boolean pxe) {
    }

    public record Storage(String name, String type, Long sizeBytes, String vendor, String model, String serialNumber,
                          Boolean rotational) {
    }

    public record Cpu(String arch, String model, Double clockMegahertz, Integer count) {
    }
}
