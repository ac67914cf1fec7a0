package io.metalkube.domain.host;

import java.util.Optional;

/** status.operationalStatus with metal3's wire names. */
public enum OperationalStatus implements WireNamed {
    OK("OK"),
    DISCOVERED("discovered"),
    ERROR("error"),
    DELAYED("delayed"),
    DETACHED("detached");

    private final String wireName;

    OperationalStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<OperationalStatus> fromWire(String wire) {
        return WireNamed.fromWire(OperationalStatus.class, wire);
    }
}
