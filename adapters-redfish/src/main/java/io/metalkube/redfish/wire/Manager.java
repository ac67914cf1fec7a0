package io.metalkube.redfish.wire;

/** A Manager, i.e. the BMC itself (schema Manager): its firmware and, on classic BMCs, the VirtualMedia collection. */
public record Manager(String odataId, String id, String model, String firmwareVersion, String virtualMedia) {

    public static Manager decode(byte[] body) {
        Fields f = Fields.parse(body, "Manager");
        return new Manager(f.text("@odata.id"), f.text("Id"), f.text("Model"), f.text("FirmwareVersion"), f.link("VirtualMedia"));
    }
}
