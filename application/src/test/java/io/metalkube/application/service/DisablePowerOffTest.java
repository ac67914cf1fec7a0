package io.metalkube.application.service;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.RebootMode;
import io.metalkube.domain.host.RebootRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 3 through the use case and the fixture back-end: a host with spec.disablePowerOff is power-cycled by
 * a reboot annotation (never powered off, never left off), and deleting it never powers it off either.
 */
class DisablePowerOffTest {

    private final World world = new World();

    private HostId provisionedHostThatMayNotBePoweredOff() {
        Host h = world.addHost("nc-si-0", Map.of());
        world.hosts.edit(h.id(), x -> x.withSpec(x.spec().withDisablePowerOff(true).withOnline(true)
                .withImage(Image.of("http://images/os.qcow2", "abc123"))));
        assertThat(world.runUntil(() -> world.host("nc-si-0").state() == ProvisioningState.PROVISIONED
                && Boolean.TRUE.equals(world.host("nc-si-0").status().poweredOn()), 300)).isTrue();
        return h.id();
    }

    private void annotate(HostId id, RebootRequest... reboots) {
        world.hosts.edit(id, x -> x.withAnnotations(x.annotations().withReboots(List.of(reboots))));
        world.touch(id);
    }

    @Test
    void aRebootAnnotationPowerCyclesTheHostAndNeverPowersItOff() {
        HostId id = provisionedHostThatMayNotBePoweredOff();
        long offsBefore = world.backend.powerOffs(id);

        annotate(id, new RebootRequest("", RebootMode.SOFT_THEN_HARD));
        assertThat(world.runUntil(() -> world.host("nc-si-0").annotations().reboots().isEmpty(), 100)).isTrue();
        world.runUntil(() -> false, 20);

        assertThat(world.backend.calls("reboot")).isEqualTo(1);
        assertThat(world.backend.calls("poweroff")).isZero();
        assertThat(world.backend.powerOffs(id)).isEqualTo(offsBefore);
        assertThat(world.backend.poweredOn(id)).isTrue();
        assertThat(world.host("nc-si-0").status().poweredOn()).isTrue();
        assertThat(world.events.reasons(id)).contains("Rebooted");
    }

    @Test
    void aRemediationRebootPowerCyclesOnceWhileTheAnnotationStays() {
        HostId id = provisionedHostThatMayNotBePoweredOff();

        annotate(id, new RebootRequest("metal3-remediation-uid", RebootMode.HARD));
        world.runUntil(() -> false, 60);

        assertThat(world.backend.calls("reboot")).isEqualTo(1);
        assertThat(world.backend.calls("poweroff")).isZero();
        assertThat(world.backend.poweredOn(id)).isTrue();
        assertThat(world.host("nc-si-0").annotations().reboots()).hasSize(1);
    }

    @Test
    void deletionDeprovisionsAndDeletesWithoutPoweringTheHostOff() {
        HostId id = provisionedHostThatMayNotBePoweredOff();
        long offsBefore = world.backend.powerOffs(id);

        world.hosts.delete(id);
        world.touch(id);
        assertThat(world.runUntil(() -> world.hosts.find(id).isEmpty(), 200)).isTrue();

        assertThat(world.backend.calls("deprovision")).isPositive();
        assertThat(world.backend.calls("poweroff")).isZero();
        assertThat(world.backend.powerOffs(id)).as("deprovisioning and deleting left the host on").isEqualTo(offsBefore);
        assertThat(world.events.reasons(id)).contains("PowerOffSkipped");
    }
}
