package io.metalkube.ironic.real;

import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.CustomDeploy;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.bench.ReconcileRig;
import io.metalkube.ironic.peers.RealIronic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: spec.customDeploy end to end on the real Ironic (fake-hardware, fake deploy interface): the reconciler
 * provisions a host that has only a custom deploy, the Ironic node goes active with the deploy step requested as
 * metal3 requests it (the request body itself is pinned in ProvisionerTest) and the method recorded in its
 * instance_info; status.provisioning.customDeploy records it; clearing it deprovisions and Ironic forgets it.
 */
class RealIronicCustomDeployTest {

    private static final Duration PHASE = Duration.ofSeconds(60);

    private final RealIronic ironic = RealIronic.shared();
    private final IronicBackend backend = RealIronicBackends.allFake(ironic,
            (host, ref, key) -> ref.name().equals("ignition") && key.equals("userData") ? Optional.of("{\"ignition\": {\"version\": \"3.2.0\"}}") : Optional.empty());
    private final IronicProbe probe = new IronicProbe(ironic.endpoint());

    @AfterEach
    void close() {
        backend.close();
        probe.close();
    }

    @Test
    void aCustomDeployIsProvisionedThroughIronicWithTheMethodOnTheNode() {
        ReconcileRig rig = new ReconcileRig(backend);
        HostId id = new HostId("cd", "coreos-" + Long.toHexString(System.nanoTime()));
        rig.credentials.put("cd", "bmc", "admin", "pw-custom");
        HostSpec spec = new HostSpec(new BmcDetails("ipmi://127.0.0.1:6299", "bmc", false), null, true, null,
                new io.metalkube.domain.host.SecretRef("ignition", ""), null, null, null, false, AutomatedCleaningMode.DISABLED, null, null, false,
                new CustomDeploy("install_coreos"));
        rig.hosts.put(Host.newHost(id, Map.of(), spec));

        rig.reconcileUntil(id, ProvisioningState.PROVISIONED, PHASE);

        String node = rig.host(id).status().provisioning().id();
        Map<String, Object> active = probe.node(node);
        assertThat(active).containsEntry("provision_state", "active").containsEntry("deploy_interface", "fake");
        assertThat(IronicProbe.strings(active.get("instance_info"))).containsEntry("metalkube_custom_deploy", "install_coreos")
                .doesNotContainKey("image_source");
        assertThat(probe.configDriveWasSent(node)).as("the user data still goes as a config drive").isTrue();
        assertThat(rig.host(id).status().provisioning().customDeploy()).isEqualTo(new CustomDeploy("install_coreos"));
        assertThat(rig.events.reasons(id)).contains("ProvisioningStarted", "ProvisioningComplete");

        rig.hosts.edit(id, h -> h.withSpec(h.spec().withCustomDeploy(null).withOnline(false)));
        rig.reconcileUntil(id, ProvisioningState.AVAILABLE, PHASE);
        assertThat(probe.node(node)).containsEntry("provision_state", "available");
        assertThat(IronicProbe.strings(probe.node(node).get("instance_info"))).doesNotContainKey("metalkube_custom_deploy");
        assertThat(rig.host(id).status().provisioning().customDeploy()).isNull();

        rig.hosts.edit(id, Host::markedForDeletion);
        rig.reconcileUntilGone(id, PHASE);
        assertThat(probe.exists(node)).isFalse();
    }
}
