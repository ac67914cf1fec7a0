package io.metalkube.redfish.wire;

import java.util.List;

/** SimpleStorage (schema SimpleStorage): a controller's {@code Devices}; empty bays have State "Absent". */
public record SimpleStorage(String id, List<Device> devices) {

    public SimpleStorage {
        devices = List.copyOf(devices);
    }

    public record Device(String name, String manufacturer, String model, Long capacityBytes, String state) {
        public boolean isPresent() {
            return !"Absent".equalsIgnoreCase(state);
        }
    }

    public static SimpleStorage decode(byte[] body) {
        Fields f = Fields.parse(body, "SimpleStorage");
        return new SimpleStorage(f.text("Id"), f.objects("Devices").stream()
                .map(d -> new Device(d.text("Name"), d.text("Manufacturer"), d.text("Model"), d.integer("CapacityBytes"), Status.state(d)))
                .toList());
    }
}
