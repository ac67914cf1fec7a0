package io.metalkube.domain.host;

import java.util.Optional;

/** spec.inspectionMode (metal3): how the hardware is inspected; {@code disabled} skips inspection altogether. */
public enum InspectionMode implements WireNamed {
    DISABLED("disabled"), AGENT("agent"), FAST("fast");

    private final String wireName;

    InspectionMode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<InspectionMode> fromWire(String wire) {
        return WireNamed.fromWire(InspectionMode.class, wire);
    }
}
