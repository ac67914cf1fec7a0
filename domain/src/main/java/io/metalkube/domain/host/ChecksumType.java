package io.metalkube.domain.host;

import java.util.Optional;

/** spec.image.checksumType. */
public enum ChecksumType implements WireNamed {
    MD5("md5"), SHA256("sha256"), SHA512("sha512"), AUTO("auto");

    private final String wireName;

    ChecksumType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<ChecksumType> fromWire(String wire) {
        return WireNamed.fromWire(ChecksumType.class, wire);
    }
}
