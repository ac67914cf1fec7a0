package io.metalkube.domain.discovery;

import io.metalkube.domain.bmc.BmcAddress;

import java.util.Objects;

/**
 * A BMC that answered a scan (or a node a back-end already knows) without any credentials being used.
 *
 * @param source    what found it, e.g. "ipmi-scan" or "ironic"
 * @param detail    optional human-readable detail (IPMI version, vendor), may be empty
 * @param backendId the back-end's own id when a back-end already knows this BMC (an Ironic node UUID), else empty;
 *                  the host created for it starts with it as status.provisioning.ID, so it links to that node
 */
public record DiscoveredBmc(BmcAddress address, String source, String detail, String backendId) {

    public DiscoveredBmc {
        Objects.requireNonNull(address, "address");
        source = source == null ? "" : source;
        detail = detail == null ? "" : detail;
        backendId = backendId == null ? "" : backendId;
    }

    /** A BMC no back-end knows yet (found by a scan). */
    public DiscoveredBmc(BmcAddress address, String source, String detail) {
        this(address, source, detail, "");
    }
}
