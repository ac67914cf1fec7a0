package io.metalkube.redfish.wire;

/** A Drive (schema Drive): size, media (HDD/SSD), protocol (NVMe, SAS, SATA) and identity. */
public record Drive(String id, String name, Long capacityBytes, String mediaType, String protocol, String manufacturer,
                    String model, String serialNumber, String state) {

    public static Drive decode(byte[] body) {
        Fields f = Fields.parse(body, "Drive");
        return new Drive(f.text("Id"), f.text("Name"), f.integer("CapacityBytes"), f.text("MediaType"), f.text("Protocol"),
                f.text("Manufacturer"), f.text("Model"), f.text("SerialNumber"), Status.state(f));
    }

    public boolean isPresent() {
        return !"Absent".equalsIgnoreCase(state);
    }
}
