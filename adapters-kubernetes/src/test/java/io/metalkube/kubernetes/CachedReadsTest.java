package io.metalkube.kubernetes;

import io.metalkube.application.port.out.ConflictException;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.kubernetes.crd.BareMetalHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * While the operator runs, the stores read its informer caches: an idle available host's reconcile (the periodic
 * poll) costs no API request at all, and a write based on a read that has gone stale is refused (409 or the cache's
 * newer resourceVersion → ConflictException), never applied over the newer object.
 */
class CachedReadsTest {

    static final int HOSTS = 3;
    static EmbeddedApiServer api;
    static ApiRequestCounter counter = new ApiRequestCounter();
    static Site.Instance site;
    static io.fabric8.kubernetes.client.KubernetesClient user;

    @BeforeAll
    static void start() {
        api = EmbeddedApiServer.start();
        site = new Site.Instance(api, Site.settings("metalkube-cached"), Site.instantBackend(), counter).start();
        user = api.client();
        for (int i = 0; i < HOSTS; i++) {
            Site.createHost(user, "idle-" + i, 30 + i, Map.of());
        }
        for (int i = 0; i < HOSTS; i++) {
            String name = "idle-" + i;
            await().atMost(Duration.ofSeconds(30)).until(() -> "available".equals(Site.state(Site.host(user, name))));
        }
    }

    @AfterAll
    static void stop() {
        site.close();
        api.close();
    }

    @Test
    void anIdleHostsPollMakesNoApiRequest() {
        awaitQuiet();
        ApiRequestCounter.Counts before = counter.snapshot();
        for (int poll = 0; poll < 5; poll++) {
            for (int i = 0; i < HOSTS; i++) {
                ReconcileResult r = site.hosts.reconcile(new HostId(Site.NS, "idle-" + i));
                assertThat(r.requeue()).as("an available host is polled again later").isPresent();
            }
        }
        ApiRequestCounter.Counts during = counter.snapshot().minus(before);
        assertThat(during.reads()).as("API reads during 15 idle polls: %s", during.detail()).isZero();
        assertThat(during.writes()).as("API writes during 15 idle polls: %s", during.detail()).isZero();
    }

    @Test
    void aStatusWriteFromAStaleReadIsRefusedAndTheNewerObjectKept() {
        HostId id = new HostId(Site.NS, "idle-0");
        Host stale = site.ports.hosts().find(id).orElseThrow();
        Site.annotate(user, Site.NS, "idle-0", "example.com/touched", "yes");
        HostStatus changed = stale.status().withState(io.metalkube.domain.host.ProvisioningState.INSPECTING);

        assertThatThrownBy(() -> site.ports.hosts().writeStatus(stale, changed)).isInstanceOf(ConflictException.class);

        BareMetalHost now = Site.host(user, "idle-0");
        assertThat(Site.state(now)).isEqualTo("available");
        assertThat(now.getMetadata().getAnnotations()).containsEntry("example.com/touched", "yes");
    }

    /** Waits until the operator's client has sent nothing for half a second (its own writes' events have settled). */
    static void awaitQuiet() {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            ApiRequestCounter.Counts c = counter.snapshot();
            long total = c.reads() + c.writes();
            boolean quiet = total == last[0];
            last[0] = total;
            return quiet;
        });
    }
}
