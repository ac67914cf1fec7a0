package io.metalkube.domain.host;

import java.util.Optional;

/** spec.image.format. */
public enum DiskFormat implements WireNamed {
    RAW("raw"), QCOW2("qcow2"), VDI("vdi"), VMDK("vmdk"), LIVE_ISO("live-iso");

    private final String wireName;

    DiskFormat(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<DiskFormat> fromWire(String wire) {
        return WireNamed.fromWire(DiskFormat.class, wire);
    }
}
