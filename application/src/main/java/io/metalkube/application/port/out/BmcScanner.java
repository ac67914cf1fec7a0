package io.metalkube.application.port.out;

import io.metalkube.domain.discovery.DiscoveredBmc;

import java.util.List;

/** Outbound port: finds BMCs (or back-end nodes) without credentials, for discovery. */
public interface BmcScanner {

    List<DiscoveredBmc> scan();
}
