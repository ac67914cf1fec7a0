package io.metalkube.ipmi;

import java.time.Duration;
import java.util.List;

/**
 * What the BMC scan probes: IPv4 CIDR ranges × UDP ports, at most {@code packetsPerSecond} probes a second, waiting
 * {@code replyWindow} for late answers, with at most {@code maxTargets} addresses in all (a /16 × 1 port by default).
 */
public record ScanSettings(List<String> ranges, List<Integer> ports, int packetsPerSecond, Duration replyWindow, int maxTargets) {

    public ScanSettings {
        ranges = List.copyOf(ranges);
        ports = List.copyOf(ports);
        if (packetsPerSecond < 1 || replyWindow.isNegative() || maxTargets < 1) {
            throw new IllegalArgumentException("scan rate and target cap must be positive, the reply window not negative");
        }
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("scan port " + port + " is not a UDP port");
            }
        }
    }

    /** The given ranges on port 623, 500 probes/s, 1 s reply window. */
    public static ScanSettings of(List<String> ranges) {
        return new ScanSettings(ranges, List.of(623), 500, Duration.ofSeconds(1), 65536);
    }

    public ScanSettings withPorts(List<Integer> ports) {
        return new ScanSettings(ranges, ports, packetsPerSecond, replyWindow, maxTargets);
    }

    public ScanSettings withRate(int packetsPerSecond) {
        return new ScanSettings(ranges, ports, packetsPerSecond, replyWindow, maxTargets);
    }

    public ScanSettings withReplyWindow(Duration window) {
        return new ScanSettings(ranges, ports, packetsPerSecond, window, maxTargets);
    }
}
