package io.metalkube.application.prove;

import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.fake.InMemoryCredentials;
import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.fake.InMemoryMachineStore;
import io.metalkube.application.fake.RecordingEventSink;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.application.service.HostReconciler;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.application.service.MutableClock;
import io.metalkube.application.service.OperationRunner;
import io.metalkube.application.service.StateCountingCapacity;
import io.metalkube.domain.claim.ClaimRequest;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.claim.LabelSelector;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.SecretRef;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.LifecycleTimings;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The shared, durable part of a data center for the proofs: the stores, the Secrets, the event log and the fixture
 * back-end. Operators (the services) come and go on top of it, each seeing it through its own fault decorators.
 */
final class Site {

    static final String NS = "dc1";
    static final String IMAGE_URL = "http://images.example/os.qcow2";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final InMemoryHostStore hosts = new InMemoryHostStore();
    final InMemoryMachineStore machines = new InMemoryMachineStore();
    final InMemoryCredentials credentials = new InMemoryCredentials();
    final RecordingEventSink events = new RecordingEventSink();
    final FixtureBackend fixture;
    final Lifecycle lifecycle = new Lifecycle(LifecycleTimings.metal3Defaults());
    private int addresses;
    /** metal3's PROVISIONING_LIMIT for the operators created from now on. */
    int provisioningLimit = 20;

    Site() {
        this(FixtureTimings.instant());
    }

    Site(FixtureTimings timings) {
        this.fixture = new FixtureBackend(clock, timings);
    }

    Host addHost(String name, Map<String, String> labels) {
        return addHost(name, labels, "pw-" + name);
    }

    /** A host with its own BMC (a TEST-NET address) and credentials Secret {@code <name>-bmc}. */
    Host addHost(String name, Map<String, String> labels, String password) {
        credentials.put(NS, name + "-bmc", "admin", password);
        addresses++;
        String address = "ipmi://192.0.2." + (addresses % 250 + 1) + ":" + (6230 + addresses / 250);
        fixture.acceptOnly(address, password);
        HostSpec spec = HostSpec.empty().withBmc(new BmcDetails(address, name + "-bmc", false));
        return hosts.put(Host.newHost(new HostId(NS, name), labels, spec));
    }

    MachineView addMachine(String name, Map<String, String> selector) {
        ConsumerRef ref = new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", NS, name);
        ClaimRequest request = new ClaimRequest(ref, NS, LabelSelector.ofLabels(selector), Image.of(IMAGE_URL, "abc123"),
                new SecretRef(name + "-user-data", NS));
        return machines.put(new MachineView(new MachineId(NS, name), "", ref, Optional.empty(), new ProviderConfig.Valid(request), false, null));
    }

    Host host(String name) {
        return hosts.find(new HostId(NS, name)).orElseThrow();
    }

    /** A fresh operator process: new services with no memory, over the shared stores, behind {@code faults}. */
    Operator operator(Faults faults) {
        FaultyHostStore hostView = new FaultyHostStore(hosts, faults);
        FaultyMachineStore machineView = new FaultyMachineStore(machines, faults);
        FaultyBackend backend = new FaultyBackend(fixture.asBackend(), faults, clock);
        HostReconciler reconciler = new HostReconciler(hostView, credentials, new StateCountingCapacity(hostView, provisioningLimit, clock),
                new OperationRunner(backend.asBackend()), events, lifecycle, clock);
        return new Operator(reconciler, new MachineClaimer(machineView, hostView, HostClaims.standard()), backend);
    }

    Operator operator() {
        return operator(Faults.NONE);
    }
}
