package io.metalkube.ironic.real;

import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.bench.ReconcileRig;
import io.metalkube.ironic.peers.IpmiSim;
import io.metalkube.ironic.peers.RealIronic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own HostReconciler (metal3 timings) driving a host through the Ironic adapter and a real
 * Ironic whose node powers a simulated BMC: registration, inspection, provisioning with power on per spec.online,
 * deprovisioning when the image is cleared, and deletion that removes the node from Ironic.
 */
class RealIronicReconcilerTest {

    private static final Duration PHASE = Duration.ofSeconds(60);

    private final RealIronic ironic = RealIronic.shared();
    private final IpmiSim bmc = IpmiSim.start("reconcile-pw");
    private final IronicBackend backend = RealIronicBackends.withSimulatedBmcs(ironic);
    private final IronicProbe probe = new IronicProbe(ironic.endpoint());

    @AfterEach
    void close() {
        backend.close();
        bmc.close();
        probe.close();
    }

    @Test
    void aHostIsProvisionedPoweredDeprovisionedAndDeletedByTheReconciler() {
        ReconcileRig rig = new ReconcileRig(backend);
        HostId id = new HostId("e2e", "host-" + Long.toHexString(System.nanoTime()));
        rig.credentials.put("e2e", "bmc", "admin", bmc.password());
        Image image = Image.of("http://images.example/os.qcow2", "3f786850e387550fdab836ed7e6dc881");
        rig.hosts.put(Host.newHost(id, Map.of(), HostSpec.empty().withBmc(new BmcDetails(bmc.address(), "bmc", false))
                .withOnline(true).withImage(image)));

        rig.reconcileUntil(id, ProvisioningState.PROVISIONED, PHASE);
        String node = rig.host(id).status().provisioning().id();
        assertThat(probe.node(node)).containsEntry("provision_state", "active").containsEntry("name", "e2e~" + id.name());
        assertThat(rig.events.reasons(id)).contains("Registered", "ProvisioningStarted", "ProvisioningComplete");

        rig.reconcileUntilPowerKnown(id);
        long deadline = System.nanoTime() + PHASE.toNanos();
        while (!Boolean.TRUE.equals(rig.host(id).status().poweredOn()) && System.nanoTime() < deadline) {
            rig.reconciler.reconcile(id);
            Outcomes.sleep(200);
        }
        assertThat(rig.host(id).status().poweredOn()).as("spec.online=true powers the host on").isTrue();
        assertThat(bmc.poweredOn()).as("the simulated BMC is really on").isTrue();

        rig.hosts.edit(id, h -> h.withSpec(h.spec().withImage(null)));
        rig.reconcileUntil(id, ProvisioningState.AVAILABLE, PHASE);
        assertThat(probe.node(node)).containsEntry("provision_state", "available");

        rig.hosts.edit(id, Host::markedForDeletion);
        rig.reconcileUntilGone(id, PHASE);
        assertThat(probe.exists(node)).as("the Ironic node is deleted with the host").isFalse();
    }
}
