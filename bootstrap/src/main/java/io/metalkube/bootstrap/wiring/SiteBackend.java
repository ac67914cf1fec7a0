package io.metalkube.bootstrap.wiring;

import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.BmcScanner;
import io.metalkube.application.port.out.ProvisioningCapacity;

import java.util.Optional;

/**
 * The back-end one site runs with, as the adapters hand it over: the port implementations, the back-end's own
 * provisioning limit if it counts one (else the host states are counted), a BMC scanner if it can discover, and
 * how to close it on shutdown.
 */
public record SiteBackend(Backend backend, Optional<ProvisioningCapacity> capacity, Optional<BmcScanner> scanner,
                          AutoCloseable closer) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
