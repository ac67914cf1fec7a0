package io.metalkube.ironic.ops;

import io.metalkube.ironic.client.IronicClient;
import io.metalkube.ironic.wire.NodeJson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ironic's nodes by the BMC they point at ({@link BmcEndpoints}), for registration's last lookup: a host whose node
 * is found neither by ID, name nor boot MAC may still have one that someone else enrolled (or that discovery proposed
 * it from). One node listing serves every registration for a few seconds, so enrolling many hosts at once does not
 * list all nodes once per host; a hit is read again by UUID before it is used, so a stale entry is never trusted.
 */
final class NodeIndex {

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final IronicClient client;
    private final Clock clock;
    private Map<String, List<NodeJson>> byEndpoint;
    private Instant listedAt;

    NodeIndex(IronicClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The nodes whose driver_info reaches the BMC with this key (from a listing at most a few seconds old). */
    synchronized List<NodeJson> nodesFor(String endpointKey) {
        Instant now = clock.instant();
        if (byEndpoint == null || listedAt == null || now.isAfter(listedAt.plus(FRESH_FOR))) {
            Map<String, List<NodeJson>> index = new HashMap<>();
            for (NodeJson n : client.listNodes("uuid,name,driver,driver_info")) {
                BmcEndpoints.key(n.driverInfo()).ifPresent(k -> index.computeIfAbsent(k, x -> new ArrayList<>()).add(n));
            }
            byEndpoint = index;
            listedAt = now;
        }
        return List.copyOf(byEndpoint.getOrDefault(endpointKey, List.of()));
    }

    /** Forget the listing (a node was created or renamed): the next lookup lists again. */
    synchronized void invalidate() {
        byEndpoint = null;
    }
}
