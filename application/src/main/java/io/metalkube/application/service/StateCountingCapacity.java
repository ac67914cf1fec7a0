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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provisioning limit counted from host states (metal3's PROVISIONING_LIMIT, default 20), for back-ends that
 * cannot count for themselves. Grants are reserved for a short while under a lock, so a burst of reconciles cannot
 * overshoot the limit before the new states become visible (metal3 issue #730). The busy hosts are counted from
 * one listing per second at most: every delayed host checks again each minute, and listing all hosts per check
 * made enrolling 10,000 hosts cost O(hosts²) (docs/benchmarks-core.md). A slot freed since the listing is seen at
 * once: before saying no, the listed busy hosts are read again (a host woken for a freed slot found it taken by a
 * stale listing and waited a minute, issue 14); slots granted since are held by their reservations, so a stale
 * listing never over-grants.
 */
public final class StateCountingCapacity implements ProvisioningCapacity {

    private static final Duration RESERVATION = Duration.ofSeconds(30);
    private static final Duration LISTING_AGE = Duration.ofSeconds(1);

    private final HostStore hosts;
    private final int limit;
    private final Clock clock;
    private final Map<HostId, Instant> reserved = new HashMap<>();
    private Set<HostId> busy = Set.of();
    private Instant listedAt;

    public StateCountingCapacity(HostStore hosts, int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("the provisioning limit must be at least 1, got " + limit);
        }
        this.hosts = hosts;
        this.limit = limit;
        this.clock = clock;
    }

    /** Slots held by other hosts: busy in the listing, or granted since. */
    private int taken(HostId host) {
        int taken = busy.size() - (busy.contains(host) ? 1 : 0);
        return taken + (int) reserved.keySet().stream().filter(id -> !id.equals(host) && !busy.contains(id)).count();
    }

    @Override
    public synchronized Capacity check(HostId host) {
        Instant now = clock.instant();
        reserved.values().removeIf(at -> at.plus(RESERVATION).isBefore(now));
        if (listedAt == null || !now.isBefore(listedAt.plus(LISTING_AGE))) {
            Set<HostId> listed = new HashSet<>();
            for (Host h : hosts.listAll()) {
                if (h.state().isBusy()) {
                    listed.add(h.id());
                }
            }
            busy = listed;
            listedAt = now;
            reserved.keySet().removeAll(listed);
        }
        int taken = taken(host);
        if (taken >= limit && !now.equals(listedAt)) {
            // a slot freed since the listing: the host woken for it must see it. Only the listed busy hosts (about
            // the limit) are read again, so a thousand delayed hosts' retries cost no listing each.
            busy = busy.stream().filter(id -> hosts.find(id).map(h -> h.state().isBusy()).orElse(false)).collect(Collectors.toSet());
            taken = taken(host);
        }
        if (taken >= limit) {
            return Capacity.EXHAUSTED;
        }
        reserved.put(host, now);
        return Capacity.AVAILABLE;
    }
}
