package io.metalkube.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The value of {@code metalkube.backend}: which adapter drives the hosts' BMCs. */
public enum BackendKind {
    IRONIC, IPMI, FIXTURE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String choices() {
        return Arrays.stream(values()).map(BackendKind::wireName).collect(Collectors.joining(", "));
    }
}
