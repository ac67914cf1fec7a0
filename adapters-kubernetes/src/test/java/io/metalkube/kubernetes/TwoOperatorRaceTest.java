package io.metalkube.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.crd.MachineSpec;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.Nested;
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
 * exactly one host, no host has two consumers, and the compare-and-set conflict path was taken. On the CRUD mock and
 * on kube-lite.
 */
class TwoOperatorRaceTest {

    static final int N = 50;

    @Nested
    class OnTheCrudMock extends Suite {
        OnTheCrudMock() {
            super(ApiServerBinding.CRUD_MOCK);
        }
    }

    @Nested
    class OnKubeLite extends Suite {
        OnKubeLite() {
            super(ApiServerBinding.KUBE_LITE);
        }
    }

    abstract static class Suite {

        final ApiServerBinding binding;

        Suite(ApiServerBinding binding) {
            this.binding = binding;
        }

        @Test
        void fiftyMachinesFiftyHostsTwoOperatorsNoDoubleClaims() throws Exception {
            FixtureBackend backend = Site.instantBackend();
            try (TestApiServer api = binding.open()) {
                String ns = api.namespace("race");
                KubernetesClient client = api.client();
                Site.User user = new Site.User(client, ns);
                try (Site.Instance a = new Site.Instance(api, Site.settings("metalkube-a", ns), backend).start()) {
                    for (int i = 0; i < N; i++) {
                        user.createHost("race-" + i, 100 + i, Map.of("pool", "race"));
                    }
                    await().atMost(Duration.ofSeconds(120)).until(() -> user.hosts().stream()
                            .filter(h -> "available".equals(Site.state(h))).count() == N);

                    try (Site.Instance b = new Site.Instance(api, Site.settings("metalkube-b", ns), backend).start()) {
                        for (int i = 0; i < N; i++) {
                            client.resources(Machine.class).inNamespace(ns).resource(machine(ns, "worker-" + i)).create();
                        }
                        await().atMost(Duration.ofSeconds(120)).until(() -> user.hosts().stream()
                                .filter(h -> h.getSpec().consumerRef != null).count() == N);

                        List<BareMetalHost> hosts = user.hosts();
                        Map<String, Long> hostsPerMachine = hosts.stream().map(h -> h.getSpec().consumerRef)
                                .filter(Objects::nonNull).collect(Collectors.groupingBy(r -> r.name, Collectors.counting()));
                        assertThat(hostsPerMachine).hasSize(N);
                        assertThat(hostsPerMachine.values()).allMatch(c -> c == 1);

                        await().atMost(Site.PATIENCE).until(() -> client.resources(Machine.class).inNamespace(ns).list().getItems()
                                .stream().filter(m -> m.getStatus() != null && m.getStatus().hostName != null).count() == N);
                        for (Machine m : client.resources(Machine.class).inNamespace(ns).list().getItems()) {
                            BareMetalHost h = user.host(m.getStatus().hostName);
                            assertThat(h.getSpec().consumerRef.name).as("host %s consumer", h.getMetadata().getName())
                                    .isEqualTo(m.getMetadata().getName());
                            assertThat(m.getMetadata().getAnnotations()).containsEntry("metal3.io/BareMetalHost", ns + "/" + h.getMetadata().getName());
                        }
                        long conflicts = a.claimer.conflicts() + b.claimer.conflicts();
                        assertThat(conflicts).as("lost compare-and-set races that were re-read and retried").isPositive();
                        System.out.printf("two-operator race on %s: %d Machines, %d hosts, conflicts retried: a=%d b=%d%n",
                                binding, N, N, a.claimer.conflicts(), b.claimer.conflicts());
                    }
                }
            }
        }
    }

    /** A Machine in the CAPBM form: providerSpec.value, kind BareMetalMachineProviderSpec, hostSelector. */
    static Machine machine(String ns, String name) throws Exception {
        Machine m = new Machine();
        m.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
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
