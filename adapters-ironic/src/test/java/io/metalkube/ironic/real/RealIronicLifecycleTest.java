package io.metalkube.ironic.real;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.ChecksumType;
import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.RootDeviceHints;
import io.metalkube.domain.host.SecretRef;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.peers.RealIronic;
import io.metalkube.application.port.out.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole lifecycle against a real Ironic with fake-hardware nodes: register → inspect → provide → active (with a
 * config drive) → deleted → available → delete, each step checked in Ironic itself.
 */
class RealIronicLifecycleTest {

    private static final Duration STEP = Duration.ofSeconds(30);

    private final RealIronic ironic = RealIronic.shared();
    private final IronicBackend backend = RealIronicBackends.allFake(ironic,
            (host, ref, key) -> ref.name().equals("user-data") && key.equals("userData") ? Optional.of("#cloud-config\nhostname: fake-1\n")
                    : ref.name().equals("network-data") && key.equals("networkData") ? Optional.of("{\"links\": [], \"networks\": []}") : Optional.empty());
    private final IronicProbe probe = new IronicProbe(ironic.endpoint());

    @AfterEach
    void close() {
        backend.close();
        probe.close();
    }

    @Test
    void aFakeHardwareNodeGoesThroughTheWholeLifecycle() {
        Backend b = backend.asBackend();
        BackendTarget t = new BackendTarget(new HostId("metal3", "lifecycle-1"), "", BmcAddress.parse("ipmi://127.0.0.1:6230"),
                BmcCredentials.of("admin", "pw-lifecycle-1"), "52:54:00:12:34:56", false);

        Outcome registered = Outcomes.until(() -> b.registration().register(new Operation.Register(t,
                new CredentialsVersion("bmc", "1"), ProvisioningState.REGISTERING, null, AutomatedCleaningMode.METADATA)), STEP);
        assertThat(registered).isInstanceOf(Outcome.Registered.class);
        String id = ((Outcome.Registered) registered).provisionerId();
        BackendTarget withId = t.withProvisionerId(id);
        assertThat(probe.node(id)).containsEntry("provision_state", "manageable").containsEntry("name", "metal3~lifecycle-1")
                .containsEntry("driver", "fake-hardware");
        assertThat(probe.portNode("52:54:00:12:34:56")).isEqualTo(id);

        Outcome inspected = Outcomes.until(() -> b.inspection().inspect(new Operation.Inspect(withId)), STEP);
        assertThat(inspected).isInstanceOf(Outcome.Inspected.class);
        assertThat(probe.node(id).get("inspection_finished_at")).isNotNull();

        Image image = new Image("http://images.example/os.qcow2", "3f786850e387550fdab836ed7e6dc881de23001b", ChecksumType.SHA256, DiskFormat.QCOW2);
        Operation.Provision provision = new Operation.Provision(withId, image, new SecretRef("user-data", ""), new SecretRef("network-data", ""),
                null, new RootDeviceHints("/dev/sda", null, null, null, null, 10, null, null, null, null), BootMode.UEFI, AutomatedCleaningMode.METADATA);
        Outcome provisioned = Outcomes.until(() -> b.provisioning().provision(provision), STEP);
        assertThat(provisioned).isEqualTo(new Outcome.Done());
        Map<String, Object> active = probe.node(id);
        assertThat(active).containsEntry("provision_state", "active");
        assertThat(IronicProbe.strings(active.get("instance_info"))).containsEntry("image_source", image.url())
                .containsEntry("image_os_hash_algo", "sha256").containsEntry("image_disk_format", "qcow2");
        assertThat(IronicProbe.strings(((Map<?, ?>) active.get("properties")).get("root_device"))).containsEntry("name", "/dev/sda");
        assertThat(probe.configDriveWasSent(id)).as("Ironic recorded a config drive").isTrue();

        Outcome deprovisioned = Outcomes.until(() -> b.provisioning().deprovision(new Operation.Deprovision(withId, AutomatedCleaningMode.METADATA)), STEP);
        assertThat(deprovisioned).isEqualTo(new Outcome.Done());
        assertThat(probe.node(id)).containsEntry("provision_state", "available");

        Outcome deleted = Outcomes.until(() -> b.registration().delete(new Operation.Delete(withId)), STEP);
        assertThat(deleted).isEqualTo(new Outcome.Done());
        assertThat(probe.exists(id)).isFalse();
        assertThat(Outcomes.until(() -> b.registration().delete(new Operation.Delete(withId)), STEP)).as("deleting twice is fine").isEqualTo(new Outcome.Done());
    }
}
