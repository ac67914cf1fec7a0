package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Leader election with a Lease, namespace sharding, and the detached annotation; on the CRUD mock and on kube-lite.
 * Leases use OnLeaseLoss.STOP: a renewal missed on a loaded machine must not exit the test JVM.
 */
class OperatorConfigurationTest {

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

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> KubernetesSettings.defaults().withApiRequestsPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KubernetesSettings.defaults().withOperatorName(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(KubernetesSettings.defaults().watchesAllNamespaces()).isTrue();
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite {

        final ApiServerBinding binding;
        TestApiServer api;
        KubernetesClient client;

        Suite(ApiServerBinding binding) {
            this.binding = binding;
        }

        @BeforeAll
        void start() {
            api = binding.open();
            client = api.client();
        }

        @AfterAll
        void stop() {
            if (api != null) {
                api.close();
            }
        }

        @Test
        void withLeaderElectionOneInstanceHoldsTheLeaseAndHostsAreReconciled() {
            String ns = api.namespace("elected");
            Site.User user = new Site.User(client, ns);
            FixtureBackend backend = Site.instantBackend();
            LeaseSettings leaseA = new LeaseSettings("metalkube-leader", ns, "pod-a").withOnLoss(LeaseSettings.OnLeaseLoss.STOP);
            LeaseSettings leaseB = new LeaseSettings("metalkube-leader", ns, "pod-b").withOnLoss(LeaseSettings.OnLeaseLoss.STOP);
            try (Site.Instance a = new Site.Instance(api, Site.settings("metalkube", ns).withLeaderElection(leaseA), backend).start();
                 Site.Instance b = new Site.Instance(api, Site.settings("metalkube", ns).withLeaderElection(leaseB), backend).start()) {
                await().atMost(Site.PATIENCE).until(() -> holder(ns, "metalkube-leader") != null);
                assertThat(holder(ns, "metalkube-leader")).isIn("pod-a", "pod-b");
                user.createHost("elected-0", 11, Map.of());
                await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("elected-0")));
                assertThat(a.operator.isRunning()).isTrue();
                assertThat(b.operator.isRunning()).isTrue();
            }
        }

        @Test
        void whenTheLeaderStopsTheOtherInstanceTakesOverAfterTheLeaseExpires() {
            String ns = api.namespace("failover");
            Site.User user = new Site.User(client, ns);
            FixtureBackend backend = Site.instantBackend();
            Site.Instance first = new Site.Instance(api, Site.settings("metalkube", ns)
                    .withLeaderElection(new LeaseSettings("metalkube-failover", ns, "pod-1").withOnLoss(LeaseSettings.OnLeaseLoss.STOP)), backend).start();
            await().atMost(Site.PATIENCE).until(() -> holder(ns, "metalkube-failover") != null);
            assertThat(holder(ns, "metalkube-failover")).isEqualTo("pod-1");
            try (Site.Instance second = new Site.Instance(api, Site.settings("metalkube", ns)
                    .withLeaderElection(new LeaseSettings("metalkube-failover", ns, "pod-2").withOnLoss(LeaseSettings.OnLeaseLoss.STOP)), backend).start()) {
                first.close();
                user.createHost("failover-0", 14, Map.of());
                await().atMost(Site.PATIENCE).until(() -> "pod-2".equals(holder(ns, "metalkube-failover")));
                await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("failover-0")));
            }
        }

        private String holder(String ns, String lease) {
            Lease l = client.leases().inNamespace(ns).withName(lease).get();
            return l == null || l.getSpec() == null ? null : l.getSpec().getHolderIdentity();
        }

        @Test
        void anOperatorWatchesOnlyItsNamespaces() {
            String shardA = api.namespace("shard-a");
            String shardB = api.namespace("shard-b");
            FixtureBackend backend = Site.instantBackend();
            try (Site.Instance shard = new Site.Instance(api, Site.settings("metalkube-shard-a", shardA), backend).start()) {
                for (String ns : new String[]{shardA, shardB}) {
                    client.secrets().inNamespace(ns).resource(Site.secret(ns, "h-bmc", "admin", "pw")).create();
                    client.resources(BareMetalHost.class).inNamespace(ns).resource(Site.host(ns, "h", "h-bmc", 12, Map.of())).create();
                }
                await().atMost(Site.PATIENCE).until(() -> "available".equals(new Site.User(client, shardA).state("h")));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                        client.resources(BareMetalHost.class).inNamespace(shardB).withName("h").get().getStatus() == null);
                assertThat(backend.isRegistered(new HostId(shardB, "h"))).isFalse();
            }
        }

        @Test
        void aDetachedHostIsRemovedFromTheBackEndButKeepsItsState() {
            String ns = api.namespace("detach");
            Site.User user = new Site.User(client, ns);
            FixtureBackend backend = Site.instantBackend();
            try (Site.Instance site = new Site.Instance(api, Site.settings("metalkube-detach", ns), backend).start()) {
                user.createHost("detach-0", 13, Map.of());
                await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("detach-0")));
                assertThat(backend.isRegistered(new HostId(ns, "detach-0"))).isTrue();
                user.annotate("detach-0", HostAnnotationCodec.DETACHED, "");
                await().atMost(Site.PATIENCE).until(() -> "detached".equals(user.host("detach-0").getStatus().operationalStatus));
                assertThat(user.state("detach-0")).isEqualTo("available");
                assertThat(backend.isRegistered(new HostId(ns, "detach-0"))).isFalse();
            }
        }
    }
}
