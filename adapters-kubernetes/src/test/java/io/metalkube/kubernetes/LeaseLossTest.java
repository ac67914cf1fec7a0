package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.kubernetes.KubernetesOperator.Leadership;
import io.metalkube.kubernetes.LeaseSettings.OnLeaseLoss;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11 item 1: a replica that loses the leader Lease stops acting on hosts at once — no API write, no back-end
 * call after that moment, not even from reconciles already running — while the new leader converges; and the Lease
 * timings from the settings are the ones used. Short timings (4 s / 3 s / 0.5 s); on the CRUD mock and on kube-lite.
 */
class LeaseLossTest {

    static final String LEASE = "metalkube-lease-loss";
    static final Duration DURATION = Duration.ofSeconds(4);
    static final Duration RENEW = Duration.ofSeconds(3);
    static final Duration RETRY = Duration.ofMillis(500);

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
        void theConfiguredTimingsAreTheOnesTheLeaseCarries() {
            String ns = api.namespace("lease-timings");
            try (Site.Instance a = instance(api.client(settings("a", ns), null), "a", ns, Site.instantBackend()).start()) {
                await().atMost(Site.PATIENCE).until(() -> "pod-a".equals(holder(ns)));
                assertThat(lease(ns).getSpec().getLeaseDurationSeconds()).as("spec.leaseDurationSeconds").isEqualTo(4);
                assertThat(a.operator.leadership()).isEqualTo(Leadership.LEADING);
            }
        }

        @Test
        void aLeaderWhoseLeaseIsTakenOverStopsActingAtOnceAndTheNewLeaderConverges() {
            String ns = api.namespace("lease-takeover");
            Site.User user = new Site.User(client, ns);
            FixtureBackend backend = Site.instantBackend();
            ApiRequestCounter countedA = new ApiRequestCounter();
            Site.Instance a = instance(api.client(settings("a", ns), countedA), "a", ns, backend).start();
            await().atMost(Site.PATIENCE).until(() -> "pod-a".equals(holder(ns)));
            try (Site.Instance b = instance(api.client(settings("b", ns), null), "b", ns, backend).start()) {
                user.createHost("takeover-0", 120, Map.of());
                await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("takeover-0")));
                assertThat(a.backendCalls.get()).as("the leader acted").isPositive();
                assertThat(b.backendCalls.get()).as("the follower did not").isZero();

                takeOver(ns, "pod-b");
                await().atMost(Duration.ofSeconds(10)).until(() -> a.operator.leadership() == Leadership.LOST);
                long writesAtLoss = countedA.snapshot().writes();
                long callsAtLoss = a.backendCalls.get();

                user.createHost("takeover-1", 121, Map.of());
                user.edit("takeover-0", h -> h.getSpec().online = true);
                await().atMost(Site.PATIENCE).until(() -> b.operator.leadership() == Leadership.LEADING);
                await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("takeover-1"))
                        && Boolean.TRUE.equals(user.host("takeover-0").getStatus().poweredOn));

                assertThat(a.backendCalls.get()).as("back-end calls by the old leader after it lost the Lease").isEqualTo(callsAtLoss);
                assertThat(countedA.snapshot().writes()).as("API writes by the old leader after it lost the Lease").isEqualTo(writesAtLoss);
                assertThat(b.backendCalls.get()).as("the new leader did the work").isPositive();
                await().atMost(Site.PATIENCE).until(() -> !a.operator.isRunning());
            } finally {
                a.close();
            }
        }

        @Test
        void aLeaderCutOffFromTheApiServerStopsBeforeTheLeaseExpiresAndActsOnNothingWhenItComesBack() {
            String ns = api.namespace("lease-partition");
            Site.User user = new Site.User(client, ns);
            FixtureBackend backend = Site.instantBackend();
            try (TcpProxy partition = new TcpProxy(api.url())) {
                ApiRequestCounter countedA = new ApiRequestCounter();
                Site.Instance a = instance(api.clientAt(partition.url(), settings("a", ns), countedA), "a", ns, backend).start();
                await().atMost(Site.PATIENCE).until(() -> "pod-a".equals(holder(ns)));
                try (Site.Instance b = instance(api.client(settings("b", ns), null), "b", ns, backend).start()) {
                    user.createHost("partition-0", 122, Map.of());
                    await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("partition-0")));

                    partition.cut();
                    user.edit("partition-0", h -> h.getSpec().online = true);
                    await().atMost(Duration.ofSeconds(20)).until(() -> a.operator.leadership() == Leadership.LOST);
                    long callsAtLoss = a.backendCalls.get();
                    assertThat(b.operator.leadership()).as("the follower waits for the Lease to expire; the old leader stopped first")
                            .isEqualTo(Leadership.FOLLOWING);

                    await().atMost(Site.PATIENCE).until(() -> b.operator.leadership() == Leadership.LEADING);
                    await().atMost(Site.PATIENCE).until(() -> Boolean.TRUE.equals(user.host("partition-0").getStatus().poweredOn));

                    long writesBeforeHeal = countedA.snapshot().writes();
                    long watchesBeforeHeal = countedA.snapshot().watches();
                    partition.heal();
                    // before the next change: the old leader has stopped, or (were it still running) its informers are back
                    await().atMost(Duration.ofSeconds(40)).until(() -> a.operator.isStopped()
                            || countedA.snapshot().watches() >= watchesBeforeHeal + 3);
                    user.createHost("partition-1", 123, Map.of());
                    await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("partition-1")));
                    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                            .until(() -> countedA.snapshot().writes() == writesBeforeHeal);
                    assertThat(a.backendCalls.get()).as("back-end calls by the old leader after it lost the Lease").isEqualTo(callsAtLoss);
                    assertThat(holder(ns)).isEqualTo("pod-b");
                } finally {
                    a.close();
                }
            }
        }

        private Site.Instance instance(KubernetesClient operatorClient, String name, String ns, FixtureBackend backend) {
            return new Site.Instance(operatorClient, settings(name, ns), backend);
        }

        private KubernetesSettings settings(String name, String ns) {
            return Site.settings("metalkube-" + name, ns).withLeaderElection(new LeaseSettings(LEASE, ns, "pod-" + name)
                    .withTimings(DURATION, RENEW, RETRY).withOnLoss(OnLeaseLoss.STOP))
                    .withServerSideApply(api.binding().real()); // the CRUD mock has no server-side apply
        }

        /** What another replica's successful acquisition looks like: the holder changes, renewed now. */
        private void takeOver(String ns, String identity) {
            for (int attempt = 1; ; attempt++) {
                ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
                try {
                    client.leases().inNamespace(ns).withName(LEASE).edit(l -> {
                        l.getSpec().setHolderIdentity(identity);
                        l.getSpec().setAcquireTime(now);
                        l.getSpec().setRenewTime(now);
                        l.getSpec().setLeaseTransitions(l.getSpec().getLeaseTransitions() == null ? 1 : l.getSpec().getLeaseTransitions() + 1);
                        return l;
                    });
                    return;
                } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                    if (e.getCode() != 409 || attempt == 10) {
                        throw e; // 409: the leader renewed in between (every 0.5 s); read again as another replica would
                    }
                }
            }
        }

        private Lease lease(String ns) {
            return client.leases().inNamespace(ns).withName(LEASE).get();
        }

        private String holder(String ns) {
            Lease l = lease(ns);
            return l == null || l.getSpec() == null ? null : l.getSpec().getHolderIdentity();
        }
    }
}
