package io.metalkube.demo;

import io.metalkube.demo.DemoCluster.HostRow;
import io.metalkube.demo.DemoCluster.MachineRow;
import io.metalkube.demo.apiserver.CrudApiServer;
import io.metalkube.kubernetes.Crds;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/samples as a user applies them (hosts, then the seed's Machines) get both Machines provisioned hosts. */
class DeploySamplesTest {

    @Test
    void theSampleHostsAndMachinesProvisionWithTheOperator() throws Exception {
        Path samples = Path.of("").toAbsolutePath().getParent().getParent().resolve("deploy/samples");
        DemoOptions options = new DemoOptions(false, Duration.ofSeconds(120), 20, 0, Path.of("unused"), false);
        try (CrudApiServer api = CrudApiServer.start(Crds.RESOURCES); RunningOperator operator = RunningOperator.start(api, options)) {
            DemoCluster cluster = new DemoCluster(api.client(), "default");
            DemoCluster.split(Files.readString(samples.resolve("hosts.yaml"))).forEach(cluster::create);
            DemoCluster.split(Files.readString(samples.resolve("machines.yaml"))).forEach(cluster::create);

            Instant deadline = Instant.now().plus(options.timeout());
            List<HostRow> hosts = List.of();
            List<MachineRow> machines = List.of();
            while (Instant.now().isBefore(deadline)) {
                hosts = cluster.hosts();
                machines = cluster.machines();
                if (DemoProgress.machinesProvisioned(hosts, machines)) {
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(DemoProgress.machinesProvisioned(hosts, machines))
                    .as(DemoProgress.whatIsMissing(hosts, machines, true)).isTrue();
            assertThat(hosts).extracting(HostRow::name, HostRow::state)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("host-0", "provisioned"),
                            org.assertj.core.groups.Tuple.tuple("host-1", "provisioned"));
        }
    }
}
