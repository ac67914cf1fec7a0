package io.metalkube.kubernetes.real;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.ApiRequestCounter;
import io.metalkube.kubernetes.KubernetesOperator;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import io.metalkube.kubernetes.testing.KubeLite;
import io.metalkube.kubernetes.testing.RealApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator's watches survive the API server going away (kube-lite only: the CRUD mock cannot be restarted on
 * the same data, nor compact it). A kube-lite of its own, restarted on the same etcd directory, port and
 * certificate: after a plain restart the informers reconnect; after etcd compacted away the revision they last saw,
 * the server answers their watch with 410 Gone and they list again. Either way changes made afterwards are acted on.
 */
class ApiServerRestartTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static KubeLite kubeLite;
    static RealApiServer api;
    static KubernetesClient client;
    static final ApiRequestCounter counter = new ApiRequestCounter();
    static final FixtureBackend backend = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
    static KubernetesOperator operator;
    static String ns;

    @BeforeAll
    static void start() {
        assumeTrue(KubeLite.binary().isPresent(), KubeLite::unavailableReason);
        // compaction every 2 s (kube-apiserver's default is 5 min), so a revision is compacted away within seconds
        kubeLite = KubeLite.start("--etcd-compaction-interval=2s");
        api = new RealApiServer(kubeLite.kubeconfigYaml());
        client = api.client();
        RealApiServer.installCrds(client);
        ns = api.namespace("restart");
        operator = UserWorkflowsOnRealApiServerTest.operator(api, backend, counter, ns);
        operator.start();
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        if (api != null) {
            api.close();
        }
        if (kubeLite != null) {
            kubeLite.close();
        }
    }

    @Test
    void afterARestartNewHostsAndChangesAreActedOn() {
        createHost("before-restart-0", 71);
        await().atMost(PATIENCE).until(() -> "available".equals(state("before-restart-0")));

        long listsBefore = counter.snapshot().of("GET baremetalhosts");
        kubeLite.stop();
        kubeLite.startAgain();

        createHost("after-restart-0", 72);
        await().atMost(PATIENCE).until(() -> "available".equals(state("after-restart-0")));
        annotate("before-restart-0", HostAnnotationCodec.DETACHED, "");
        await().atMost(PATIENCE).until(() -> "detached".equals(client.resources(BareMetalHost.class).inNamespace(ns)
                .withName("before-restart-0").get().getStatus().operationalStatus));
        // every informer healthy again: those that saw no event since the restart may still be in their reconnect backoff
        await().atMost(PATIENCE).until(operator::isRunning);
        System.out.printf("plain restart: %d host lists by the operator after it%n", counter.snapshot().of("GET baremetalhosts") - listsBefore);
    }

    @Test
    void afterEtcdCompactedTheWatchedRevisionTheInformersListAgain() throws Exception {
        createHost("before-gone-0", 73);
        await().atMost(PATIENCE).until(() -> "available".equals(state("before-gone-0")));
        long listsBefore = counter.snapshot().of("GET baremetalhosts");

        // the operator's watches sit at the revision of its last event; move etcd far past it and let it compact
        for (int i = 0; i < 30; i++) {
            client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("filler-" + i)
                    .endMetadata().addToData("n", Integer.toString(i)).build()).create();
        }
        Thread.sleep(5_000); // two compaction intervals: the watched revision is gone
        kubeLite.stop();
        kubeLite.startAgain();

        await().atMost(PATIENCE).until(() -> counter.snapshot().of("GET baremetalhosts") > listsBefore);
        System.out.printf("restart after compaction: %d host lists by the operator after it (410 Gone, relisted)%n",
                counter.snapshot().of("GET baremetalhosts") - listsBefore);
        createHost("after-gone-0", 74);
        await().atMost(PATIENCE).until(() -> "available".equals(state("after-gone-0")));
        assertThat(backend.isRegistered(new HostId(ns, "after-gone-0"))).isTrue();
        // every informer healthy again: those that saw no event since the restart may still be in their reconnect backoff
        await().atMost(PATIENCE).until(operator::isRunning);
    }

    private static void createHost(String name, int n) {
        client.secrets().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
                .withName(name + "-bmc").addToLabels("environment.metal3.io", "baremetal").endMetadata()
                .addToStringData("username", "admin").addToStringData("password", "pw").build()).create();
        client.resources(BareMetalHost.class).inNamespace(ns).resource(UserWorkflowsOnRealApiServerTest.host(ns, name, n)).create();
    }

    private static void annotate(String name, String key, String value) {
        client.resources(BareMetalHost.class).inNamespace(ns).withName(name).edit(h -> {
            Map<String, String> a = new HashMap<>(h.getMetadata().getAnnotations() == null ? Map.of() : h.getMetadata().getAnnotations());
            a.put(key, value);
            h.getMetadata().setAnnotations(a);
            return h;
        });
    }

    private static String state(String name) {
        BareMetalHost h = client.resources(BareMetalHost.class).inNamespace(ns).withName(name).get();
        return h == null || h.getStatus() == null || h.getStatus().provisioning == null ? "" : h.getStatus().provisioning.state;
    }
}
