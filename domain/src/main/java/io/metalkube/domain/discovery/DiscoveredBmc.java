package io.metalkube.domain.discovery;

import io.metalkube.domain.bmc.BmcAddress;

import java.util.Objects;

/**
 * A BMC that answered a scan (or a node a back-end already knows) without any credentials being used.
 *
 * @param source what found it, e.g. "ipmi-scan" or "ironic"
 * @param detail optional human-readable detail (IPMI version, vendor), may be empty
 */
public record DiscoveredBmc(BmcAddress address, String source, String detail) {

    public DiscoveredBmc {
        Objects.requireNonNull(address, "address");
        source = source == null ? "" : source;
        detail = detail == null ? "" : detail;
    }
}
