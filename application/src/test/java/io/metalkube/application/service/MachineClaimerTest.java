package io.metalkube.application.service;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Machine actuator on in-memory fakes: claim, provision, release, and no double claims under concurrency. */
class MachineClaimerTest {

    private final World world = new World();

    private void addProfiles() {
        for (int i = 0; i < 3; i++) {
            world.addHost("master-" + i, Map.of("node-profile", "master"));
            world.addHost("worker-" + i, Map.of("node-profile", "node"));
        }
        world.runUntil(() -> world.hosts.listAll().stream().allMatch(h -> h.state() == ProvisioningState.AVAILABLE), 200);
    }

    @Test
    void machinesClaimMatchingHostsWhichGetProvisioned() {
        addProfiles();
        world.addMachine("baremetal-master-x1", Map.of("node-profile", "master"));
        world.addMachine("baremetal-node-y2", Map.of("node-profile", "node"));
        assertThat(world.runUntil(() -> world.machines.all().stream().allMatch(m -> m.status().phase().equals("Provisioned")), 300)).isTrue();
        for (MachineView m : world.machines.all()) {
            Host h = world.host(m.status().hostName());
            assertThat(h.spec().consumerRef().name()).isEqualTo(m.id().name());
            assertThat(h.labels().get("node-profile")).isEqualTo(m.id().name().contains("master") ? "master" : "node");
            assertThat(h.state()).isEqualTo(ProvisioningState.PROVISIONED);
            assertThat(m.chosenHost()).contains(h.id());
            assertThat(m.status().addresses()).isNotEmpty();
            assertThat(world.backend.image(h.id())).isEqualTo("http://images/os.qcow2");
        }
    }

    @Test
    void deletingAMachineDeprovisionsThenReleasesTheHost() {
        addProfiles();
        MachineView m = world.addMachine("baremetal-node-a", Map.of("node-profile", "node"));
        world.runUntil(() -> "Provisioned".equals(world.machines.find(m.id()).map(x -> x.status().phase()).orElse("")), 300);
        String hostName = world.machines.find(m.id()).orElseThrow().status().hostName();
        world.machines.delete(m.id());
        world.touch(m.id());
        assertThat(world.runUntil(() -> world.machines.find(m.id()).isEmpty(), 300)).isTrue();
        Host h = world.host(hostName);
        assertThat(h.spec().consumerRef()).isNull();
        assertThat(h.spec().image()).isNull();
        assertThat(h.state()).isEqualTo(ProvisioningState.AVAILABLE);
        assertThat(world.backend.image(h.id())).isNull();
    }

    @Test
    void noMatchingHostIsVisibleInStatusAndRetried() {
        addProfiles();
        MachineView m = world.addMachine("gpu-1", Map.of("node-profile", "gpu"));
        var result = world.claimer.reconcile(m.id());
        assertThat(result.requeue()).contains(MachineClaimer.NO_HOST_RETRY);
        MachineView after = world.machines.find(m.id()).orElseThrow();
        assertThat(after.status().errorReason()).isEqualTo("NoHostAvailable");
        assertThat(after.status().errorMessage()).contains("node-profile=gpu").contains("6 hosts");
        assertThat(world.machines.events()).anyMatch(e -> e.contains("NoHostAvailable"));
    }

    @Test
    void aHugeSelectorIsClippedInStatusAndEvents() {
        addProfiles();
        String key = "k".repeat(5_000);
        MachineView m = world.addMachine("huge-1", Map.of(key, "v"));
        world.claimer.reconcile(m.id());
        MachineView after = world.machines.find(m.id()).orElseThrow();
        assertThat(after.status().errorReason()).isEqualTo("NoHostAvailable");
        assertThat(after.status().errorMessage()).hasSizeLessThan(600).contains("characters)");
        assertThat(world.machines.events()).allMatch(e -> e.length() < 600);
    }

    @Test
    void anInvalidProviderConfigIsReportedNotRetried() {
        ConsumerRef ref = new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", World.NS, "bad");
        MachineView m = world.machines.put(new MachineView(new MachineId(World.NS, "bad"), "", ref, Optional.empty(),
                new ProviderConfig.Invalid("providerConfig.value.selector must be a map of labels"), false, null));
        var result = world.claimer.reconcile(m.id());
        assertThat(result.requeue()).isEmpty();
        assertThat(world.machines.find(m.id()).orElseThrow().status().errorReason()).isEqualTo("InvalidConfiguration");
    }

    @Test
    void concurrentClaimersNeverGiveAHostTwoConsumersNorAMachineTwoHosts() throws Exception {
        for (int i = 0; i < 24; i++) {
            world.addHost("h" + i, Map.of("pool", "a"));
        }
        world.runUntil(() -> world.hosts.listAll().stream().allMatch(h -> h.state() == ProvisioningState.AVAILABLE), 500);
        List<MachineView> ms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ms.add(world.addMachine("m" + i, Map.of("pool", "a")));
        }
        MachineClaimer second = new MachineClaimer(world.machines, world.hosts, io.metalkube.domain.claim.HostClaims.standard());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (MachineView m : ms) {
                futures.add(pool.submit(() -> world.claimer.reconcile(m.id())));
                futures.add(pool.submit(() -> second.reconcile(m.id())));
            }
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Map<String, String> hostOfMachine = new HashMap<>();
        for (Host h : world.hosts.listAll()) {
            if (h.spec().consumerRef() != null) {
                assertThat(hostOfMachine.put(h.spec().consumerRef().name(), h.id().name()))
                        .as("machine %s owns a second host %s", h.spec().consumerRef().name(), h.id()).isNull();
            }
        }
        assertThat(hostOfMachine).hasSize(20);
        for (MachineView m : ms) {
            assertThat(world.machines.find(m.id()).orElseThrow().chosenHost().map(id -> id.name())).contains(hostOfMachine.get(m.id().name()));
        }
    }
}
