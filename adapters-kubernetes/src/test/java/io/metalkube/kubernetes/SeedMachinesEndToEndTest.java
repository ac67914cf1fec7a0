package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's two Machines, applied verbatim, claim matching hosts that then reach provisioned; deletion releases;
 * finalizers, events and conditions on the way. On the CRUD mock and on kube-lite.
 */
class SeedMachinesEndToEndTest {

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

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite {

        final ApiServerBinding binding;
        final FixtureBackend backend = Site.instantBackend();
        TestApiServer api;
        Site.Instance site;
        Site.User user;
        String ns;

        Suite(ApiServerBinding binding) {
            this.binding = binding;
        }

        @BeforeAll
        void start() {
            api = binding.open();
            ns = api.namespace("e2e");
            site = new Site.Instance(api, Site.settings("metalkube-e2e", ns), backend).start();
            user = new Site.User(api.client(), ns);
        }

        @AfterAll
        void stop() {
            if (site != null) {
                site.close();
            }
            if (api != null) {
                api.close();
            }
        }

        @Test
        void seedMachinesClaimMatchingHostsWhichGetProvisionedAndAreReleasedOnDelete() throws Exception {
            user.createHost("master-0", 10, Map.of("node-profile", "master"));
            user.createHost("node-0", 20, Map.of("node-profile", "node"));
            user.createHost("spare-0", 30, Map.of("node-profile", "storage"));
            await().atMost(Site.PATIENCE).until(() ->
                    List.of("master-0", "node-0", "spare-0").stream().allMatch(n -> "available".equals(user.state(n))));

            Machine master = load(user.client(), "/seed/machine-master.yaml");
            Machine node = load(user.client(), "/seed/machine-node.yaml");
            assertThat(master.getMetadata().getName()).startsWith("baremetal-master-");

            await().atMost(Site.PATIENCE).until(() -> {
                Machine m = user.machine(master.getMetadata().getName());
                Machine n = user.machine(node.getMetadata().getName());
                return m.getStatus() != null && "Provisioned".equals(m.getStatus().phase)
                        && n.getStatus() != null && "Provisioned".equals(n.getStatus().phase);
            });
            Machine m = user.machine(master.getMetadata().getName());
            assertThat(m.getStatus().hostName).isEqualTo("master-0");
            assertThat(m.getMetadata().getAnnotations()).containsEntry("metal3.io/BareMetalHost", ns + "/master-0");
            assertThat(m.getStatus().addresses).isNotEmpty();
            assertThat(m.getStatus().addresses.get(0).address).startsWith("192.0.2.");
            assertThat(m.getMetadata().getFinalizers()).contains("machine.cluster.k8s.io/finalizer");
            BareMetalHost h = user.host("master-0");
            assertThat(Site.state(h)).isEqualTo("provisioned");
            assertThat(h.getSpec().consumerRef.name).isEqualTo(master.getMetadata().getName());
            assertThat(h.getSpec().consumerRef.kind).isEqualTo("Machine");
            assertThat(h.getMetadata().getFinalizers()).contains("baremetalhost.metal3.io/finalizer");
            assertThat(h.getStatus().conditions).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Provisioned");
                assertThat(c.getStatus()).isEqualTo("True");
            });
            assertThat(user.host("node-0").getSpec().consumerRef.name).isEqualTo(node.getMetadata().getName());
            assertThat(user.host("spare-0").getSpec().consumerRef).isNull();
            assertThat(backend.image(new HostId(ns, "master-0"))).isEqualTo("http://images.example/os.qcow2");
            await().atMost(Site.PATIENCE).untilAsserted(() -> assertThat(user.events())
                    .extracting(e -> e.getInvolvedObject().getName() + ":" + e.getReason())
                    .contains(master.getMetadata().getName() + ":HostClaimed", "master-0:ProvisioningStarted", "master-0:ProvisioningComplete"));

            user.client().resources(Machine.class).inNamespace(ns).withName(master.getMetadata().getName()).delete();
            await().atMost(Site.PATIENCE).until(() -> user.machine(master.getMetadata().getName()) == null);
            BareMetalHost released = user.host("master-0");
            assertThat(released.getSpec().consumerRef).isNull();
            assertThat(released.getSpec().image).isNull();
            assertThat(Site.state(released)).isEqualTo("available");
            assertThat(backend.image(new HostId(ns, "master-0"))).isNull();
        }

        @Test
        void deletingAHostCompletes() {
            user.createHost("gone-0", 40, Map.of());
            await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("gone-0")));
            user.client().resources(BareMetalHost.class).inNamespace(ns).withName("gone-0").delete();
            await().atMost(Site.PATIENCE).until(() -> user.host("gone-0") == null);
            assertThat(backend.isRegistered(new HostId(ns, "gone-0"))).isFalse();
        }

        private Machine load(KubernetesClient client, String resource) throws Exception {
            try (InputStream in = SeedMachinesEndToEndTest.class.getResourceAsStream(resource)) {
                Machine m = client.getKubernetesSerialization().unmarshal(in, Machine.class);
                return client.resources(Machine.class).inNamespace(ns).resource(m).create();
            }
        }
    }
}
