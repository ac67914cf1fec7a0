package io.metalkube.ironic.real;

import io.metalkube.application.port.in.DiscoveryReport;
import io.metalkube.application.service.HostDiscovery;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.bench.ReconcileRig;
import io.metalkube.ironic.peers.FreePorts;
import io.metalkube.ironic.peers.RealIronic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 5 against the real Ironic: a node an Ironic operator enrolled is proposed by discovery; the host
 * created for it carries the node's UUID, and registering it (once given credentials) takes over that node — renamed
 * {@code namespace~name}, credentials written — instead of enrolling a second node for the same BMC. A host created
 * by hand for a BMC Ironic already knows finds the node by its BMC address. (Before: two nodes per BMC.)
 */
class RealIronicDiscoveryLinkTest {

    private static final Duration PHASE = Duration.ofSeconds(60);

    private final RealIronic ironic = RealIronic.shared();
    private final IronicBackend backend = RealIronicBackends.allFake(ironic, (host, ref, key) -> Optional.empty());
    private final IronicProbe probe = new IronicProbe(ironic.endpoint());
    private final ReconcileRig rig = new ReconcileRig(backend);

    @AfterEach
    void close() {
        backend.close();
        probe.close();
    }

    @Test
    void aHostDiscoveredFromAnIronicNodeTakesOverThatNodeInsteadOfEnrollingASecond() {
        int bmcPort = FreePorts.tcp();
        String known = probe.enrol(operatorsNode("rack3-node7", bmcPort));

        DiscoveryReport report = new HostDiscovery(backend.knownNodes(), rig.hosts).discover("disc", Map.of());

        Host discovered = rig.hosts.listAll().stream()
                .filter(h -> h.spec().bmc().address().equals("ipmi://127.0.0.1:" + bmcPort)).findFirst().orElseThrow();
        assertThat(report.created()).contains(discovered.id());
        assertThat(discovered.status().provisioning().id()).as("linked to the node it came from, by UUID").isEqualTo(known);

        rig.credentials.put("disc", "bmc", "admin", "pw-rack3-node7");
        rig.hosts.edit(discovered.id(), h -> h.withSpec(h.spec().withBmc(new BmcDetails(h.spec().bmc().address(), "bmc", false))));
        rig.reconcileUntil(discovered.id(), ProvisioningState.AVAILABLE, PHASE);

        assertThat(nodesFor(bmcPort)).as("one node for the BMC").containsExactly(known);
        assertThat(rig.host(discovered.id()).status().provisioning().id()).isEqualTo(known);
        assertThat(probe.node(known)).containsEntry("name", "disc~" + discovered.id().name()).containsEntry("provision_state", "manageable");
        assertThat(IronicProbe.strings(probe.node(known).get("extra"))).containsKey("metalkube_credentials_hash");
        assertThat(new HostDiscovery(backend.knownNodes(), rig.hosts).discover("disc", Map.of()).created())
                .as("a node taken over is no longer proposed").doesNotContain(discovered.id());
    }

    @Test
    void aHostMadeByHandForABmcIronicKnowsFindsTheNodeByItsAddress() {
        int bmcPort = FreePorts.tcp();
        String known = probe.enrol(operatorsNode("rack3-node8", bmcPort));
        HostId id = new HostId("disc", "by-hand-" + bmcPort);
        rig.credentials.put("disc", "bmc", "admin", "pw-rack3-node8");
        rig.hosts.put(Host.newHost(id, Map.of(), HostSpec.empty().withBmc(new BmcDetails("ipmi://127.0.0.1:" + bmcPort, "bmc", false))));

        rig.reconcileUntil(id, ProvisioningState.AVAILABLE, PHASE);

        assertThat(nodesFor(bmcPort)).as("one node for the BMC").containsExactly(known);
        assertThat(rig.host(id).status().provisioning().id()).isEqualTo(known);
        assertThat(probe.node(known)).containsEntry("name", "disc~" + id.name());
    }

    /** A node as an operator enrols it with the ipmi hardware type: own name, no MetalKube credentials hash. */
    private static Map<String, Object> operatorsNode(String name, int bmcPort) {
        return Map.of("name", name + "-" + bmcPort, "driver", "fake-hardware",
                "driver_info", Map.of("ipmi_address", "127.0.0.1", "ipmi_port", bmcPort, "ipmi_username", "admin"));
    }

    private List<String> nodesFor(int bmcPort) {
        return probe.nodes().stream()
                .filter(n -> {
                    Map<String, String> info = IronicProbe.strings(n.get("driver_info"));
                    return "127.0.0.1".equals(info.get("ipmi_address")) && String.valueOf(bmcPort).equals(info.get("ipmi_port"));
                })
                .map(n -> String.valueOf(n.get("uuid"))).toList();
    }
}
