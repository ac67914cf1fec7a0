package io.metalkube.bootstrap.metrics;

import io.metalkube.application.port.out.HostStore;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.ProvisioningState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code metalkube_hosts{state=...}}: how many watched hosts are in each provisioning state (plus
 * {@code metalkube_hosts_with_error}). Counted from the host store at most once per {@code maxAge}, so a scrape
 * never lists the hosts more than once.
 */
public final class HostStateGauges {

    private final HostStore hosts;
    private final Clock clock;
    private final Duration maxAge;
    private Map<ProvisioningState, Long> counts = new EnumMap<>(ProvisioningState.class);
    private long withError;
    private Instant countedAt;

    public HostStateGauges(HostStore hosts, Clock clock, Duration maxAge) {
        this.hosts = hosts;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Registers the gauges; they hold this object strongly (Micrometer's default is a weak reference, read as NaN once collected). */
    public void bindTo(MeterRegistry registry) {
        for (ProvisioningState state : ProvisioningState.values()) {
            String tag = state == ProvisioningState.NONE ? "new" : state.wireName();
            Gauge.builder("metalkube.hosts", this, g -> g.count(state)).description("Hosts by provisioning state")
                    .tag("state", tag).strongReference(true).register(registry);
        }
        Gauge.builder("metalkube.hosts.with.error", this, HostStateGauges::errors)
                .description("Hosts whose status carries an error").strongReference(true).register(registry);
    }

    synchronized double count(ProvisioningState state) {
        refresh();
        return counts.getOrDefault(state, 0L);
    }

    synchronized double errors() {
        refresh();
        return withError;
    }

    private void refresh() {
        Instant now = clock.instant();
        if (countedAt != null && countedAt.plus(maxAge).isAfter(now)) {
            return;
        }
        Map<ProvisioningState, Long> fresh = new EnumMap<>(ProvisioningState.class);
        long errors = 0;
        for (Host h : hosts.listAll()) {
            fresh.merge(h.state(), 1L, Long::sum);
            if (h.status().hasError()) {
                errors++;
            }
        }
        counts = fresh;
        withError = errors;
        countedAt = now;
    }
}
