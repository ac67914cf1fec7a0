package io.metalkube.redfish.wire;

/** A Memory module (schema Memory): its capacity, summed when the system has no MemorySummary total. */
public record Memory(String id, Long capacityMiB, String state) {

    public static Memory decode(byte[] body) {
        Fields f = Fields.parse(body, "Memory");
        return new Memory(f.text("Id"), f.integer("CapacityMiB"), Status.state(f));
    }

    public boolean isPresent() {
        return !"Absent".equalsIgnoreCase(state);
    }
}
