package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Leader election with a Lease, namespace sharding, and the detached annotation, on the CRUD mock. */
class OperatorConfigurationTest {

    @Test
    void withLeaderElectionOneInstanceHoldsTheLeaseAndHostsAreReconciled() {
        FixtureBackend backend = Site.instantBackend();
        LeaseSettings leaseA = new LeaseSettings("metalkube-leader", "default", "pod-a");
        LeaseSettings leaseB = new LeaseSettings("metalkube-leader", "default", "pod-b");
        try (EmbeddedApiServer api = EmbeddedApiServer.start();
             Site.Instance a = new Site.Instance(api, Site.settings("metalkube").withLeaderElection(leaseA), backend).start();
             Site.Instance b = new Site.Instance(api, Site.settings("metalkube").withLeaderElection(leaseB), backend).start()) {
            var client = api.client();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                Lease l = client.leases().inNamespace("default").withName("metalkube-leader").get();
                return l != null && l.getSpec().getHolderIdentity() != null;
            });
            assertThat(client.leases().inNamespace("default").withName("metalkube-leader").get().getSpec().getHolderIdentity())
                    .isIn("pod-a", "pod-b");
            Site.createHost(client, "elected-0", 11, Map.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(Site.state(Site.host(client, "elected-0"))));
            assertThat(a.operator.isRunning()).isTrue();
            assertThat(b.operator.isRunning()).isTrue();
        }
    }

    @Test
    void whenTheLeaderStopsTheOtherInstanceTakesOverAfterTheLeaseExpires() {
        FixtureBackend backend = Site.instantBackend();
        try (EmbeddedApiServer api = EmbeddedApiServer.start()) {
            var client = api.client();
            Site.Instance first = new Site.Instance(api, Site.settings("metalkube")
                    .withLeaderElection(new LeaseSettings("metalkube-failover", "default", "pod-1")), backend).start();
            await().atMost(Duration.ofSeconds(20)).until(() -> holder(client) != null);
            assertThat(holder(client)).isEqualTo("pod-1");
            try (Site.Instance second = new Site.Instance(api, Site.settings("metalkube")
                    .withLeaderElection(new LeaseSettings("metalkube-failover", "default", "pod-2")), backend).start()) {
                first.close();
                Site.createHost(client, "failover-0", 14, Map.of());
                await().atMost(Duration.ofSeconds(40)).until(() -> "pod-2".equals(holder(client)));
                await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(Site.state(Site.host(client, "failover-0"))));
            }
        }
    }

    private static String holder(io.fabric8.kubernetes.client.KubernetesClient client) {
        Lease l = client.leases().inNamespace("default").withName("metalkube-failover").get();
        return l == null || l.getSpec() == null ? null : l.getSpec().getHolderIdentity();
    }

    @Test
    void anOperatorWatchesOnlyItsNamespaces() {
        FixtureBackend backend = Site.instantBackend();
        try (EmbeddedApiServer api = EmbeddedApiServer.start();
             Site.Instance shard = new Site.Instance(api, Site.settings("metalkube-shard-a").withNamespaces(Set.of("shard-a")), backend).start()) {
            var client = api.client();
            for (String ns : new String[]{"shard-a", "shard-b"}) {
                client.secrets().inNamespace(ns).resource(Site.secret(ns, "h-bmc", "admin", "pw")).create();
                client.resources(BareMetalHost.class).inNamespace(ns).resource(Site.host(ns, "h", "h-bmc", 12, Map.of())).create();
            }
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "available".equals(Site.state(client.resources(BareMetalHost.class).inNamespace("shard-a").withName("h").get())));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    client.resources(BareMetalHost.class).inNamespace("shard-b").withName("h").get().getStatus() == null);
            assertThat(backend.isRegistered(new HostId("shard-b", "h"))).isFalse();
        }
    }

    @Test
    void aDetachedHostIsRemovedFromTheBackEndButKeepsItsState() {
        FixtureBackend backend = Site.instantBackend();
        try (EmbeddedApiServer api = EmbeddedApiServer.start();
             Site.Instance site = new Site.Instance(api, Site.settings("metalkube-detach"), backend).start()) {
            var client = api.client();
            Site.createHost(client, "detach-0", 13, Map.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(Site.state(Site.host(client, "detach-0"))));
            assertThat(backend.isRegistered(new HostId(Site.NS, "detach-0"))).isTrue();
            Site.annotate(client, Site.NS, "detach-0", HostAnnotationCodec.DETACHED, "");
            await().atMost(Duration.ofSeconds(10)).until(() -> "detached".equals(Site.host(client, "detach-0").getStatus().operationalStatus));
            assertThat(Site.state(Site.host(client, "detach-0"))).isEqualTo("available");
            assertThat(backend.isRegistered(new HostId(Site.NS, "detach-0"))).isFalse();
        }
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> KubernetesSettings.defaults().withApiRequestsPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KubernetesSettings.defaults().withOperatorName(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(KubernetesSettings.defaults().watchesAllNamespaces()).isTrue();
    }
}
