package io.metalkube.application.bench;

import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.fake.InMemoryCredentials;
import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.fake.RecordingEventSink;
import io.metalkube.application.service.HostReconciler;
import io.metalkube.application.service.MutableClock;
import io.metalkube.application.service.OperationRunner;
import io.metalkube.application.service.StateCountingCapacity;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.LifecycleTimings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Realistic host objects for the benchmarks: enrolled by the real services on the fakes, then cloned. */
final class TypicalHosts {

    static final String NS = "dc1";

    private TypicalHosts() {
    }

    /** One host taken through the real lifecycle to available (or provisioned), status and all. */
    static Host enrolled(String name, boolean provisioned) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        InMemoryHostStore hosts = new InMemoryHostStore();
        InMemoryCredentials credentials = new InMemoryCredentials();
        credentials.put(NS, name + "-bmc", "admin", "bench-password");
        FixtureBackend backend = new FixtureBackend(clock, FixtureTimings.instant());
        HostReconciler reconciler = new HostReconciler(hosts, credentials, new StateCountingCapacity(hosts, 20, clock),
                new OperationRunner(backend.asBackend()), new RecordingEventSink(), new Lifecycle(LifecycleTimings.metal3Defaults()), clock);
        HostSpec spec = HostSpec.empty().withBmc(new BmcDetails("ipmi://192.0.2.10", name + "-bmc", false));
        if (provisioned) {
            spec = spec.withImage(Image.of("http://images.example/os.qcow2", "abc123")).withOnline(true)
                    .withConsumerRef(new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", NS, "m-" + name));
        }
        HostId id = new HostId(NS, name);
        hosts.put(Host.newHost(id, Map.of("pool", "a"), spec));
        ProvisioningState goal = provisioned ? ProvisioningState.PROVISIONED : ProvisioningState.AVAILABLE;
        for (int i = 0; i < 100; i++) {
            Host h = hosts.find(id).orElseThrow();
            if (h.state() == goal && h.status().poweredOn() != null) {
                return h;
            }
            reconciler.reconcile(id);
        }
        throw new IllegalStateException("host " + id + " did not reach " + goal + " while preparing the benchmark");
    }

    /**
     * {@code n} hosts like {@code template} with their own names: 80 % available in pool a, 10 % in pool b, 10 %
     * already claimed — what a claim has to look through on a busy site.
     */
    static List<Host> pool(int n, Host template) {
        List<Host> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            HostId id = new HostId(NS, String.format("host-%05d", i));
            Map<String, String> labels = Map.of("pool", i % 10 == 9 ? "b" : "a", "rack", "r" + (i % 40));
            HostSpec spec = i % 10 == 8
                    ? template.spec().withConsumerRef(new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", NS, "other-" + i))
                    : template.spec();
            out.add(new Host(id, Integer.toString(i + 1), labels, template.annotations(), spec, template.status(), false));
        }
        return out;
    }
}
