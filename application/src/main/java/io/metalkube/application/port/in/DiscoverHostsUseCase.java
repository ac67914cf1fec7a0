package io.metalkube.application.port.in;

import java.util.Map;

/** Inbound port: find BMCs nobody has registered and propose hosts for them. */
public interface DiscoverHostsUseCase {

    DiscoveryReport discover(String namespace, Map<String, String> labels);
}
