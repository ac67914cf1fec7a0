package io.metalkube.application.port.in;

import io.metalkube.domain.host.HostId;

import java.util.List;

/** What one discovery pass found: hosts created, and BMCs skipped because a host already manages them. */
public record DiscoveryReport(List<HostId> created, List<String> alreadyKnown) {

    public DiscoveryReport {
        created = List.copyOf(created);
        alreadyKnown = List.copyOf(alreadyKnown);
    }
}
