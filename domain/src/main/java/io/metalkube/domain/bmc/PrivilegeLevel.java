package io.metalkube.domain.bmc;

import java.util.Locale;
import java.util.Optional;

/** IPMI session privilege (IPMI v2.0 §6.8), chosen with {@code ?privilegelevel=} on an ipmi:// address. */
public enum PrivilegeLevel {
    CALLBACK(1),
    USER(2),
    OPERATOR(3),
    ADMINISTRATOR(4);

    private final int code;

    PrivilegeLevel(int code) {
        this.code = code;
    }

    /** The value carried in RMCP+ Open Session and RAKP messages. */
    public int code() {
        return code;
    }

    public static Optional<PrivilegeLevel> fromName(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
