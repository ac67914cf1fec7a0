package io.metalkube.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The value of {@code metalkube.backend}: which adapter drives the hosts' BMCs. {@code direct} runs MetalKube's own
 * IPMI and Redfish clients side by side and lets each host's BMC scheme pick one ({@code metalkube.direct.*}).
 */
public enum BackendKind {
    IRONIC, IPMI, FIXTURE, REDFISH, DIRECT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String choices() {
        return Arrays.stream(values()).map(BackendKind::wireName).collect(Collectors.joining(", "));
    }
}
