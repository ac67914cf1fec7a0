package io.metalkube.domain.host;

import java.util.Optional;

/** spec.bootMode; UEFI when unset. */
public enum BootMode implements WireNamed {
    UEFI("UEFI"), UEFI_SECURE_BOOT("UEFISecureBoot"), LEGACY("legacy");

    private final String wireName;

    BootMode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<BootMode> fromWire(String wire) {
        return WireNamed.fromWire(BootMode.class, wire);
    }
}
