package io.metalkube.ironic.ops;

import io.metalkube.application.port.out.ProvisioningCapacity;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.Capacity;
import io.metalkube.ironic.client.IronicException;
import io.metalkube.ironic.wire.NodeJson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Port implementation (ProvisioningCapacity): counts nodes Ironic is busy with (inspecting, cleaning, deploying,
 * deleting; metal3-anchors.md §2.3 "capacity", one {@code GET /v1/nodes?fields=...}) plus hosts granted a slot in
 * the last 30 s that Ironic does not show busy yet, so a burst of reconciles cannot overshoot the limit.
 */
public final class NodeCapacity implements ProvisioningCapacity {

    private static final System.Logger LOG = System.getLogger(NodeCapacity.class.getName());
    private static final Duration RESERVATION = Duration.ofSeconds(30);

    private final NodeAccess access;
    private final Clock clock;
    private final Map<String, Instant> granted = new HashMap<>();

    public NodeCapacity(NodeAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public synchronized Capacity check(HostId host) {
        String own = NodeNames.of(host);
        Set<String> busy = new HashSet<>();
        try {
            for (NodeJson n : access.client().listNodes("uuid,name,provision_state")) {
                if (IronicStates.BUSY.contains(n.state())) {
                    busy.add(n.name() == null ? n.uuid() : n.name());
                }
            }
        } catch (IronicException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot count busy Ironic nodes, holding host " + host + " back: " + e.getMessage());
            return Capacity.EXHAUSTED;
        }
        Instant now = clock.instant();
        granted.values().removeIf(at -> at.plus(RESERVATION).isBefore(now));
        granted.keySet().removeAll(busy);
        Set<String> counted = new HashSet<>(busy);
        counted.addAll(granted.keySet());
        counted.remove(own);
        if (counted.size() >= access.settings().provisioningLimit()) {
            return Capacity.EXHAUSTED;
        }
        granted.put(own, now);
        return Capacity.AVAILABLE;
    }
}
