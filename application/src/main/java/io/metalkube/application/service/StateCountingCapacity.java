package io.metalkube.application.service;

import io.metalkube.application.port.out.HostStore;
import io.metalkube.application.port.out.ProvisioningCapacity;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.Capacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The provisioning limit counted from host states (metal3's PROVISIONING_LIMIT, default 20), for back-ends that
 * cannot count for themselves. Grants are reserved for a short while under a lock, so a burst of reconciles cannot
 * overshoot the limit before the new states become visible (metal3 issue #730).
 */
public final class StateCountingCapacity implements ProvisioningCapacity {

    private static final Duration RESERVATION = Duration.ofSeconds(30);

    private final HostStore hosts;
    private final int limit;
    private final Clock clock;
    private final Map<HostId, Instant> reserved = new HashMap<>();

    public StateCountingCapacity(HostStore hosts, int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("the provisioning limit must be at least 1, got " + limit);
        }
        this.hosts = hosts;
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    public synchronized Capacity check(HostId host) {
        Instant now = clock.instant();
        reserved.values().removeIf(at -> at.plus(RESERVATION).isBefore(now));
        int busy = 0;
        for (Host h : hosts.listAll()) {
            if (h.state().isBusy()) {
                reserved.remove(h.id());
                if (!h.id().equals(host)) {
                    busy++;
                }
            }
        }
        busy += (int) reserved.keySet().stream().filter(id -> !id.equals(host)).count();
        if (busy >= limit) {
            return Capacity.EXHAUSTED;
        }
        reserved.put(host, now);
        return Capacity.AVAILABLE;
    }
}
