package io.metalkube.application.service;

import io.metalkube.application.port.in.MachineView;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.ProvisioningState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the seed's Machines name no image. Against hosts written as metal3 users write them (no spec.image), a
 * Machine must not claim a host it cannot provision: the site's default image is used, or the Machine says why not.
 */
class MachineImageTest {

    private final World world = new World();

    private void addHostsWithoutImages(int n) {
        for (int i = 0; i < n; i++) {
            world.addHost("worker-" + i, Map.of("node-profile", "node"));
        }
        world.runUntil(() -> world.hosts.listAll().stream().allMatch(h -> h.state() == ProvisioningState.AVAILABLE), 200);
    }

    @Test
    void withoutAnyImageTheMachineSaysWhyAndClaimsNoHost() {
        addHostsWithoutImages(3);
        MachineView m = world.addMachine("baremetal-node-a", Map.of("node-profile", "node"), null);

        world.runUntil(() -> false, 100);

        MachineView after = world.machines.find(m.id()).orElseThrow();
        assertThat(after.status().errorReason()).isEqualTo("InvalidConfiguration");
        assertThat(after.status().errorMessage())
                .contains("no image", "metalkube.machines.default-image.url", "spec.providerSpec.value.image", "3 ");
        assertThat(after.status().hostName()).isEmpty();
        assertThat(world.machines.events()).anyMatch(e -> e.contains("NoImage"));
        assertThat(world.hosts.listAll()).allSatisfy(h -> assertThat(h.spec().consumerRef()).as(h.id().toString()).isNull());
    }

    @Test
    void aHostThatCarriesItsOwnImageIsClaimedAndProvisionedWithIt() {
        addHostsWithoutImages(2);
        Image own = Image.of("http://images/own.qcow2", "0ddba11");
        Host carrying = world.addHost("carrying", Map.of("node-profile", "node"));
        world.hosts.edit(carrying.id(), h -> h.withSpec(h.spec().withImage(own)));
        world.runUntil(() -> world.host("carrying").state() == ProvisioningState.AVAILABLE, 200);
        MachineView m = world.addMachine("baremetal-node-b", Map.of("node-profile", "node"), null);

        assertThat(world.runUntil(() -> "Provisioned".equals(world.machines.find(m.id()).orElseThrow().status().phase()), 300)).isTrue();

        assertThat(world.machines.find(m.id()).orElseThrow().status().hostName()).isEqualTo("carrying");
        assertThat(world.backend.image(carrying.id())).isEqualTo(own.url());
    }

    @Test
    void theSitesDefaultImageIsWhatAMachineWithoutOneProvisions() {
        addHostsWithoutImages(3);
        world.useDefaultImage(DEFAULT);
        MachineView m = world.addMachine("baremetal-node-c", Map.of("node-profile", "node"), null);

        assertThat(world.runUntil(() -> "Provisioned".equals(world.machines.find(m.id()).orElseThrow().status().phase()), 300)).isTrue();

        Host h = world.host(world.machines.find(m.id()).orElseThrow().status().hostName());
        assertThat(h.spec().image()).isEqualTo(DEFAULT);
        assertThat(world.backend.image(h.id())).isEqualTo(DEFAULT.url());
        assertThat(world.machines.find(m.id()).orElseThrow().status().errorReason()).isEmpty();
    }

    @Test
    void aMachineWithACustomDeployClaimsAHostWithoutAnImageAndIsProvisionedByTheMethodNotTheDefault() {
        addHostsWithoutImages(1);
        world.useDefaultImage(DEFAULT);
        MachineView m = world.addCustomDeployMachine("ostest-worker-0", Map.of("node-profile", "node"), "install_coreos");

        assertThat(world.runUntil(() -> "Provisioned".equals(world.machines.find(m.id()).orElseThrow().status().phase()), 300)).isTrue();

        Host h = world.host("worker-0");
        assertThat(h.spec().customDeploy().method()).isEqualTo("install_coreos");
        assertThat(h.spec().image()).as("OpenShift's install_coreos machines carry no image; the default is not forced on them").isNull();
        assertThat(world.machines.find(m.id()).orElseThrow().status().errorReason()).isEmpty();
    }

    @Test
    void aMachineNamingItsOwnImageIgnoresTheDefault() {
        addHostsWithoutImages(1);
        world.useDefaultImage(DEFAULT);
        MachineView m = world.addMachine("baremetal-node-d", Map.of("node-profile", "node"));

        assertThat(world.runUntil(() -> "Provisioned".equals(world.machines.find(m.id()).orElseThrow().status().phase()), 300)).isTrue();

        assertThat(world.backend.image(world.host("worker-0").id())).isEqualTo("http://images/os.qcow2");
    }

    @Test
    void aHostClaimedWithoutAnImageGetsTheDefaultOnceTheSiteHasOne() {
        addHostsWithoutImages(1);
        MachineView m = world.addMachine("baremetal-node-e", Map.of("node-profile", "node"), null);
        Host stuck = world.host("worker-0");
        // as an operator before this fix left it: claimed, online, no image, the Machine's annotation naming it
        world.hosts.edit(stuck.id(), h -> h.withSpec(h.spec().withConsumerRef(m.consumerRef()).withOnline(true)));
        world.machines.recordChosenHost(world.machines.find(m.id()).orElseThrow(), stuck.id());
        world.runUntil(() -> false, 20);
        MachineView reported = world.machines.find(m.id()).orElseThrow();
        assertThat(reported.status().errorReason()).isEqualTo("InvalidConfiguration");
        assertThat(reported.status().errorMessage()).contains("dc1/worker-0 has no spec.image", "metalkube.machines.default-image.url");

        world.useDefaultImage(DEFAULT);
        world.touch(m.id());

        assertThat(world.runUntil(() -> "Provisioned".equals(world.machines.find(m.id()).orElseThrow().status().phase()), 300)).isTrue();
        assertThat(world.backend.image(stuck.id())).isEqualTo(DEFAULT.url());
        assertThat(world.machines.find(m.id()).orElseThrow().status().errorReason()).isEmpty();
    }

    private static final Image DEFAULT = Image.of("http://images.example/rhcos-ootpa-latest.qcow2",
            "http://images.example/rhcos-ootpa-latest.qcow2.md5sum");
}
