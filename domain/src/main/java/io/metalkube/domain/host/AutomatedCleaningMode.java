package io.metalkube.domain.host;

import java.util.Optional;

/** spec.automatedCleaningMode; metadata (wipe partition tables) unless disabled. */
public enum AutomatedCleaningMode implements WireNamed {
    METADATA("metadata"), DISABLED("disabled");

    private final String wireName;

    AutomatedCleaningMode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<AutomatedCleaningMode> fromWire(String wire) {
        return WireNamed.fromWire(AutomatedCleaningMode.class, wire);
    }
}
