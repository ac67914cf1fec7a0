package io.metalkube.kubernetes;

import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The seed's two Machines, applied verbatim, claim matching hosts that then reach provisioned; deletion releases. */
class SeedMachinesEndToEndTest {

    EmbeddedApiServer api;
    Site.Instance site;
    FixtureBackend backend = Site.instantBackend();

    @BeforeEach
    void start() {
        api = EmbeddedApiServer.start();
        site = new Site.Instance(api, Site.settings("metalkube-e2e"), backend).start();
    }

    @AfterEach
    void stop() {
        site.close();
        api.close();
    }

    @Test
    void seedMachinesClaimMatchingHostsWhichGetProvisionedAndAreReleasedOnDelete() throws Exception {
        var client = api.client();
        Site.createHost(client, "master-0", 10, Map.of("node-profile", "master"));
        Site.createHost(client, "node-0", 20, Map.of("node-profile", "node"));
        Site.createHost(client, "spare-0", 30, Map.of("node-profile", "storage"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                List.of("master-0", "node-0", "spare-0").stream().allMatch(n -> "available".equals(Site.state(Site.host(client, n)))));

        Machine master = load(client, "/seed/machine-master.yaml");
        Machine node = load(client, "/seed/machine-node.yaml");
        assertThat(master.getMetadata().getName()).startsWith("baremetal-master-");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Machine m = Site.machine(client, master.getMetadata().getName());
            Machine n = Site.machine(client, node.getMetadata().getName());
            return m.getStatus() != null && "Provisioned".equals(m.getStatus().phase)
                    && n.getStatus() != null && "Provisioned".equals(n.getStatus().phase);
        });
        Machine m = Site.machine(client, master.getMetadata().getName());
        assertThat(m.getStatus().hostName).isEqualTo("master-0");
        assertThat(m.getMetadata().getAnnotations()).containsEntry("metal3.io/BareMetalHost", "default/master-0");
        assertThat(m.getStatus().addresses).isNotEmpty();
        assertThat(m.getStatus().addresses.get(0).address).startsWith("192.0.2.");
        assertThat(m.getMetadata().getFinalizers()).contains("machine.cluster.k8s.io/finalizer");
        BareMetalHost h = Site.host(client, "master-0");
        assertThat(Site.state(h)).isEqualTo("provisioned");
        assertThat(h.getSpec().consumerRef.name).isEqualTo(master.getMetadata().getName());
        assertThat(h.getSpec().consumerRef.kind).isEqualTo("Machine");
        assertThat(h.getMetadata().getFinalizers()).contains("baremetalhost.metal3.io/finalizer");
        assertThat(h.getStatus().conditions).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Provisioned");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        assertThat(Site.host(client, "node-0").getSpec().consumerRef.name).isEqualTo(node.getMetadata().getName());
        assertThat(Site.host(client, "spare-0").getSpec().consumerRef).isNull();
        assertThat(backend.image(new HostId("default", "master-0"))).isEqualTo("http://images.example/os.qcow2");
        assertThat(client.v1().events().inNamespace("default").list().getItems())
                .extracting(e -> e.getInvolvedObject().getName() + ":" + e.getReason())
                .contains(master.getMetadata().getName() + ":HostClaimed", "master-0:StateChanged");

        client.resources(Machine.class).inNamespace("default").withName(master.getMetadata().getName()).delete();
        await().atMost(Duration.ofSeconds(30)).until(() -> Site.machine(client, master.getMetadata().getName()) == null);
        BareMetalHost released = Site.host(client, "master-0");
        assertThat(released.getSpec().consumerRef).isNull();
        assertThat(released.getSpec().image).isNull();
        assertThat(Site.state(released)).isEqualTo("available");
        assertThat(backend.image(new HostId("default", "master-0"))).isNull();
    }

    @Test
    void deletingAHostCompletes() {
        var client = api.client();
        Site.createHost(client, "gone-0", 40, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> "available".equals(Site.state(Site.host(client, "gone-0"))));
        client.resources(BareMetalHost.class).inNamespace("default").withName("gone-0").delete();
        await().atMost(Duration.ofSeconds(30)).until(() -> Site.host(client, "gone-0") == null);
        assertThat(backend.isRegistered(new HostId("default", "gone-0"))).isFalse();
    }

    private static Machine load(io.fabric8.kubernetes.client.KubernetesClient client, String resource) throws Exception {
        try (InputStream in = SeedMachinesEndToEndTest.class.getResourceAsStream(resource)) {
            Machine m = client.getKubernetesSerialization().unmarshal(in, Machine.class);
            return client.resources(Machine.class).inNamespace("default").resource(m).create();
        }
    }
}
