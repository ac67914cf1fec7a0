package io.metalkube.kubernetes;

import io.metalkube.application.port.out.ConflictException;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.store.InformerCaches;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * While the operator runs, the stores read its informer caches: an idle available host's reconcile (the periodic
 * poll) costs no API request at all, and a write based on a read that has gone stale is refused (409 or the cache's
 * newer resourceVersion → ConflictException), never applied over the newer object. On the CRUD mock and on kube-lite.
 */
class CachedReadsTest {

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

        static final int HOSTS = 3;
        final ApiServerBinding binding;
        final ApiRequestCounter counter = new ApiRequestCounter();
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
            ns = api.namespace("cached");
            site = new Site.Instance(api, Site.settings("metalkube-cached", ns), Site.instantBackend(), counter).start();
            user = new Site.User(api.client(), ns);
            for (int i = 0; i < HOSTS; i++) {
                user.createHost("idle-" + i, 30 + i, Map.of());
            }
            for (int i = 0; i < HOSTS; i++) {
                String name = "idle-" + i;
                await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state(name)));
            }
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
        void theCachesHoldNoManagedFields() {
            BareMetalHost onServer = api.client().resources(BareMetalHost.class).inNamespace(ns).withName("idle-0").get();
            if (binding.real()) {
                assertThat(onServer.getMetadata().getManagedFields()).as("a real API server tracks every field manager").isNotEmpty();
            }
            BareMetalHost cached = InformerCaches.of(site.client).host(ns, "idle-0").orElseThrow();
            assertThat(cached.getMetadata().getManagedFields())
                    .as("the operator's cache leaves managedFields out (at 10,000 hosts they filled a 256 MiB heap)").isNullOrEmpty();
            assertThat(cached.getStatus().provisioning.state).isEqualTo("available");
        }

        @Test
        void anIdleHostsPollMakesNoApiRequest() {
            awaitQuiet();
            ApiRequestCounter.Counts before = counter.snapshot();
            for (int poll = 0; poll < 5; poll++) {
                for (int i = 0; i < HOSTS; i++) {
                    ReconcileResult r = site.hosts.reconcile(new HostId(ns, "idle-" + i));
                    assertThat(r.requeue()).as("an available host is polled again later").isPresent();
                }
            }
            ApiRequestCounter.Counts during = counter.snapshot().minus(before);
            assertThat(during.reads()).as("API reads during 15 idle polls: %s", during.detail()).isZero();
            assertThat(during.writes()).as("API writes during 15 idle polls: %s", during.detail()).isZero();
        }

        /**
         * A claim lists every host of its namespace. Mapping each one again on every listing made 20 concurrent claims
         * over 10,000 hosts run out of a 256 MiB heap (issue 14): an unchanged host is mapped once and then shared.
         */
        @Test
        void listingAgainMapsOnlyTheHostsThatChanged() {
            awaitQuiet();
            List<Host> first = site.ports.hosts().list(ns);
            List<Host> again = site.ports.hosts().list(ns);
            assertThat(again).hasSize(HOSTS);
            for (int i = 0; i < HOSTS; i++) {
                assertThat(again.get(i)).as("unchanged %s, listed again", first.get(i).id()).isSameAs(first.get(i));
            }

            user.annotate("idle-1", "example.com/listed", "again");
            HostId changed = new HostId(ns, "idle-1");
            await().atMost(Site.PATIENCE).until(() -> !site.ports.hosts().find(changed).orElseThrow().revision()
                    .equals(first.get(1).revision()));
            awaitQuiet();
            List<Host> after = site.ports.hosts().list(ns);
            assertThat(after.get(1).id()).isEqualTo(changed);
            assertThat(after.get(1)).isNotSameAs(first.get(1));
            assertThat(after.get(1).revision()).isEqualTo(user.host("idle-1").getMetadata().getResourceVersion());
            assertThat(after.get(0)).isSameAs(first.get(0));
            assertThat(after.get(2)).isSameAs(first.get(2));
        }

        @Test
        void aStatusWriteFromAStaleReadIsRefusedAndTheNewerObjectKept() {
            HostId id = new HostId(ns, "idle-0");
            Host stale = site.ports.hosts().find(id).orElseThrow();
            user.annotate("idle-0", "example.com/touched", "yes");
            HostStatus changed = stale.status().withState(io.metalkube.domain.host.ProvisioningState.INSPECTING);

            assertThatThrownBy(() -> site.ports.hosts().writeStatus(stale, changed)).isInstanceOf(ConflictException.class);

            BareMetalHost now = user.host("idle-0");
            assertThat(Site.state(now)).isEqualTo("available");
            assertThat(now.getMetadata().getAnnotations()).containsEntry("example.com/touched", "yes");
        }

        /** Waits until the operator's client has sent nothing for half a second (its own writes' events have settled). */
        void awaitQuiet() {
            long[] last = {-1};
            await().atMost(Site.PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                ApiRequestCounter.Counts c = counter.snapshot();
                long total = c.reads() + c.writes();
                boolean quiet = total == last[0];
                last[0] = total;
                return quiet;
            });
        }
    }
}
