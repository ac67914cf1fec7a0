package io.metalkube.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.crd.MachineSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two operator instances (no leader election) on one API server, 50 Machines against 50 hosts: every Machine gets
 * exactly one host, no host has two consumers, and the compare-and-set conflict path was taken.
 */
class TwoOperatorRaceTest {

    static final int N = 50;

    @Test
    void fiftyMachinesFiftyHostsTwoOperatorsNoDoubleClaims() throws Exception {
        FixtureBackend backend = Site.instantBackend();
        try (EmbeddedApiServer api = EmbeddedApiServer.start();
             Site.Instance a = new Site.Instance(api, Site.settings("metalkube-a"), backend).start()) {
            var client = api.client();
            for (int i = 0; i < N; i++) {
                Site.createHost(client, "race-" + i, 100 + i, Map.of("pool", "race"));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> client.resources(BareMetalHost.class).inNamespace(Site.NS).list()
                    .getItems().stream().filter(h -> "available".equals(Site.state(h))).count() == N);

            try (Site.Instance b = new Site.Instance(api, Site.settings("metalkube-b"), backend).start()) {
                for (int i = 0; i < N; i++) {
                    client.resources(Machine.class).inNamespace(Site.NS).resource(machine("worker-" + i)).create();
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> client.resources(BareMetalHost.class).inNamespace(Site.NS).list()
                        .getItems().stream().filter(h -> h.getSpec().consumerRef != null).count() == N);

                List<BareMetalHost> hosts = client.resources(BareMetalHost.class).inNamespace(Site.NS).list().getItems();
                Map<String, Long> hostsPerMachine = hosts.stream().map(h -> h.getSpec().consumerRef)
                        .filter(Objects::nonNull).collect(Collectors.groupingBy(r -> r.name, Collectors.counting()));
                assertThat(hostsPerMachine).hasSize(N);
                assertThat(hostsPerMachine.values()).allMatch(c -> c == 1);

                await().atMost(Duration.ofSeconds(30)).until(() -> client.resources(Machine.class).inNamespace(Site.NS).list().getItems()
                        .stream().filter(m -> m.getStatus() != null && m.getStatus().hostName != null).count() == N);
                for (Machine m : client.resources(Machine.class).inNamespace(Site.NS).list().getItems()) {
                    BareMetalHost h = Site.host(client, m.getStatus().hostName);
                    assertThat(h.getSpec().consumerRef.name).as("host %s consumer", h.getMetadata().getName()).isEqualTo(m.getMetadata().getName());
                    assertThat(m.getMetadata().getAnnotations()).containsEntry("metal3.io/BareMetalHost", "default/" + h.getMetadata().getName());
                }
                long conflicts = a.claimer.conflicts() + b.claimer.conflicts();
                assertThat(conflicts).as("lost compare-and-set races that were re-read and retried").isPositive();
                System.out.printf("two-operator race: %d Machines, %d hosts, conflicts retried: a=%d b=%d%n",
                        N, N, a.claimer.conflicts(), b.claimer.conflicts());
            }
        }
    }

    /** A Machine in the CAPBM form: providerSpec.value, kind BareMetalMachineProviderSpec, hostSelector. */
    static Machine machine(String name) throws Exception {
        Machine m = new Machine();
        m.setMetadata(new ObjectMetaBuilder().withNamespace(Site.NS).withName(name).build());
        MachineSpec spec = new MachineSpec();
        spec.providerSpec = new MachineSpec.ProviderValue();
        spec.providerSpec.value = new ObjectMapper().readTree("""
                {"apiVersion": "baremetal.cluster.k8s.io/v1alpha1", "kind": "BareMetalMachineProviderSpec",
                 "hostSelector": {"matchLabels": {"pool": "race"}, "matchExpressions": [{"key": "pool", "operator": "Exists"}]},
                 "image": {"url": "http://images.example/worker.qcow2", "checksum": "abc"}}
                """);
        m.setSpec(spec);
        return m;
    }
}
