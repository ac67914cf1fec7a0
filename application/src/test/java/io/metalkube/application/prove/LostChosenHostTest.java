package io.metalkube.application.prove;

import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.fake.InMemoryMachineStore;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.domain.claim.ClaimRequest;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.claim.LabelSelector;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by {@link ClaimRaceTest} (seeds 35 and 38): a Machine that recorded its chosen host, lost that host to
 * another Machine and found no other kept the annotation naming a host it does not own (half-claimed).
 */
class LostChosenHostTest {

    private final InMemoryHostStore hosts = new InMemoryHostStore();
    private final InMemoryMachineStore machines = new InMemoryMachineStore();
    private final MachineClaimer claimer = new MachineClaimer(machines, hosts, HostClaims.standard());

    private MachineView machine(String name) {
        ConsumerRef ref = new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", "dc1", name);
        ClaimRequest request = new ClaimRequest(ref, "dc1", LabelSelector.everything(), Image.of("http://images/os.qcow2", "abc"), null);
        return machines.put(new MachineView(new MachineId("dc1", name), "", ref, Optional.empty(), new ProviderConfig.Valid(request), false, null));
    }

    @Test
    void aMachineThatLostItsChosenHostAndFindsNoOtherDropsTheAnnotation() {
        Host h0 = hosts.put(Host.newHost(new HostId("dc1", "h0"), Map.of(), HostSpec.empty())
                .withStatus(HostStatus.initial().withState(ProvisioningState.AVAILABLE)));
        MachineView loser = machine("loser");
        MachineView winner = machine("winner");
        machines.recordChosenHost(loser, h0.id()); // the loser chose h0 first ...
        claimer.reconcile(winner.id());            // ... but the winner took it
        assertThat(hosts.find(h0.id()).orElseThrow().spec().consumerRef().name()).isEqualTo("winner");

        claimer.reconcile(loser.id());

        MachineView after = machines.find(loser.id()).orElseThrow();
        assertThat(after.chosenHost()).as("annotation of a Machine that owns no host").isEmpty();
        assertThat(after.status().errorReason()).isEqualTo("NoHostAvailable");
        assertThat(machines.find(winner.id()).orElseThrow().chosenHost()).contains(h0.id());
    }
}
