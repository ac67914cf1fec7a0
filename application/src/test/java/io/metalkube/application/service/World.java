package io.metalkube.application.service;

import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.fake.InMemoryCredentials;
import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.fake.InMemoryMachineStore;
import io.metalkube.application.fake.RecordingEventSink;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.domain.claim.ClaimRequest;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.claim.LabelSelector;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.LifecycleTimings;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A small data center for application tests: in-memory stores, the fixture back-end, a hand-moved clock, and a
 * scheduler that reconciles everything that is due, like the controller loop would.
 */
final class World {

    static final String NS = "dc1";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final InMemoryHostStore hosts = new InMemoryHostStore();
    final InMemoryMachineStore machines = new InMemoryMachineStore();
    final InMemoryCredentials credentials = new InMemoryCredentials();
    final RecordingEventSink events = new RecordingEventSink();
    final FixtureBackend backend;
    final Lifecycle lifecycle = new Lifecycle(LifecycleTimings.metal3Defaults());
    final HostReconciler reconciler;
    MachineClaimer claimer;
    private final Map<Object, Instant> due = new HashMap<>();

    World() {
        this(FixtureTimings.instant(), 20);
    }

    World(FixtureTimings timings, int provisioningLimit) {
        backend = new FixtureBackend(clock, timings);
        reconciler = new HostReconciler(hosts, credentials, new StateCountingCapacity(hosts, provisioningLimit, clock),
                new OperationRunner(backend.asBackend()), events, lifecycle, clock);
        claimer = new MachineClaimer(machines, hosts, HostClaims.standard());
    }

    /** From now on Machines that name no image provision {@code image} (the site's default image setting). */
    void useDefaultImage(Image image) {
        claimer = new MachineClaimer(machines, hosts, HostClaims.standard(), image);
    }

    Host addHost(String name, Map<String, String> labels) {
        credentials.put(NS, name + "-bmc", "admin", "pw-" + name);
        HostSpec spec = HostSpec.empty().withBmc(new BmcDetails("ipmi://192.0.2." + (hosts.listAll().size() + 1), name + "-bmc", false));
        Host h = hosts.put(Host.newHost(new HostId(NS, name), labels, spec));
        due.put(h.id(), clock.instant());
        return h;
    }

    MachineView addMachine(String name, Map<String, String> selector) {
        return addMachine(name, selector, Image.of("http://images/os.qcow2", "abc123"));
    }

    /** A Machine whose provider config names {@code image} (null: none, as the seed's Machines). */
    MachineView addMachine(String name, Map<String, String> selector, Image image) {
        ConsumerRef ref = new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", NS, name);
        ClaimRequest request = new ClaimRequest(ref, NS, LabelSelector.ofLabels(selector), image, null);
        MachineView m = machines.put(new MachineView(new MachineId(NS, name), "", ref, Optional.empty(), new ProviderConfig.Valid(request), false, null));
        due.put(m.id(), clock.instant());
        return m;
    }

    /** A Machine whose provider config names a custom deploy {@code method} and no image (OpenShift's install_coreos). */
    MachineView addCustomDeployMachine(String name, Map<String, String> selector, String method) {
        ConsumerRef ref = new ConsumerRef("machine.openshift.io/v1beta1", "Machine", NS, name);
        ClaimRequest request = new ClaimRequest(ref, NS, LabelSelector.ofLabels(selector), null, null)
                .withCustomDeploy(new io.metalkube.domain.host.CustomDeploy(method));
        MachineView m = machines.put(new MachineView(new MachineId(NS, name), "", ref, Optional.empty(), new ProviderConfig.Valid(request), false, null));
        due.put(m.id(), clock.instant());
        return m;
    }

    Host host(String name) {
        return hosts.find(new HostId(NS, name)).orElseThrow();
    }

    void touch(Object key) {
        due.put(key, clock.instant());
    }

    /** Reconciles everything due; if nothing is due, jumps the clock to the next due time. At most {@code rounds} passes. */
    boolean runUntil(BooleanSupplier done, int rounds) {
        for (int i = 0; i < rounds; i++) {
            if (done.getAsBoolean()) {
                return true;
            }
            Instant now = clock.instant();
            boolean any = false;
            for (Map.Entry<Object, Instant> e : Map.copyOf(due).entrySet()) {
                if (!e.getValue().isAfter(now)) {
                    any = true;
                    run(e.getKey());
                }
            }
            if (!any) {
                Optional<Instant> next = due.values().stream().min(Instant::compareTo);
                if (next.isEmpty()) {
                    return done.getAsBoolean();
                }
                clock.advance(Duration.between(now, next.get()));
            }
        }
        return done.getAsBoolean();
    }

    private void run(Object key) {
        ReconcileResult r = key instanceof HostId id ? reconciler.reconcile(id) : claimer.reconcile((MachineId) key);
        if (r.gone()) {
            due.remove(key);
        } else {
            // like a watch: every write also triggers the host again, so "idle" still comes back on the poll
            due.put(key, clock.instant().plus(r.requeue().orElse(Duration.ofMinutes(10))));
        }
        if (key instanceof MachineId) {
            hosts.listAll().forEach(h -> due.putIfAbsent(h.id(), clock.instant()));
            due.replaceAll((k, v) -> k instanceof HostId ? (v.isAfter(clock.instant()) ? clock.instant() : v) : v);
        }
    }
}
