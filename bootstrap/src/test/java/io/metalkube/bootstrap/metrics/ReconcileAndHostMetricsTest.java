package io.metalkube.bootstrap.metrics;

import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconcileAndHostMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void reconcilesAreTimedPerControllerAndResultIncludingFailures() {
        ReconcileHostUseCase hosts = TimedReconciles.hosts(id -> ReconcileResult.after(Duration.ofSeconds(1)), registry);
        ReconcileMachineUseCase machines = TimedReconciles.machines(id -> {
            throw new IllegalStateException("API server gone");
        }, registry);

        hosts.reconcile(new HostId("ns", "h"));
        hosts.reconcile(new HostId("ns", "h"));
        assertThatThrownBy(() -> machines.reconcile(new MachineId("ns", "m"))).hasMessage("API server gone");

        assertThat(registry.get("metalkube.reconcile").tags("controller", "host", "result", "requeue").timer().count()).isEqualTo(2);
        assertThat(registry.get("metalkube.reconcile").tags("controller", "machine", "result", "error").timer().count()).isEqualTo(1);
    }

    @Test
    void hostsAreCountedByStateAndErrorAtMostOncePerMaxAge() {
        InMemoryHostStore store = new InMemoryHostStore();
        store.put(host("a", ProvisioningState.AVAILABLE));
        store.put(host("b", ProvisioningState.AVAILABLE));
        store.put(host("c", ProvisioningState.PROVISIONED));
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
        new HostStateGauges(store, clock, Duration.ofSeconds(5)).bindTo(registry);

        assertThat(registry.get("metalkube.hosts").tag("state", "available").gauge().value()).isEqualTo(2.0);
        assertThat(registry.get("metalkube.hosts").tag("state", "provisioned").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("metalkube.hosts").tag("state", "new").gauge().value()).isZero();
        assertThat(registry.get("metalkube.hosts.with.error").gauge().value()).isZero();

        store.put(host("d", ProvisioningState.AVAILABLE));
        assertThat(registry.get("metalkube.hosts").tag("state", "available").gauge().value())
                .as("counted again only after maxAge (the clock stands still)").isEqualTo(2.0);
    }

    @Test
    void theGaugesKeepAnsweringWhenNobodyElseHoldsTheirSource() throws InterruptedException {
        InMemoryHostStore store = new InMemoryHostStore();
        store.put(host("a", ProvisioningState.AVAILABLE));
        new HostStateGauges(store, Clock.systemUTC(), Duration.ZERO).bindTo(registry);
        for (int i = 0; i < 5; i++) {
            System.gc(); // Micrometer's gauges hold their object weakly by default: collected, they read NaN (flaked in CI)
            Thread.sleep(20);
        }
        assertThat(registry.get("metalkube.hosts").tag("state", "available").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("metalkube.hosts.with.error").gauge().value()).isZero();
    }

    private static Host host(String name, ProvisioningState state) {
        return Host.newHost(new HostId("ns", name), Map.of(), HostSpec.empty()).withStatus(HostStatus.initial().withState(state));
    }
}
