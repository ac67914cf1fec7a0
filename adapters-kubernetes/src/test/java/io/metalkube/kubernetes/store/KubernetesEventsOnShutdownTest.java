package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.HostEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events still queued when the operator stops meet a closed client: each is logged as not recorded, never an
 * uncaught exception with a stack trace on the sender thread (seen at the end of every scale benchmark run).
 */
class KubernetesEventsOnShutdownTest {

    @Test
    void anEventQueuedAfterTheClientClosedIsNotAnUncaughtException() throws InterruptedException {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try {
            KubernetesClient client = new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory())
                    .withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:9").build()).build();
            KubernetesEvents events = new KubernetesEvents(client, "shutdown-test", "test", Clock.systemUTC());
            client.close();
            for (int i = 0; i < 8; i++) {
                events.publish(new HostId("ns", "host-" + i), HostEvent.normal("PowerOn", "host powered on"));
            }
            Thread.sleep(1_000); // the sender lanes run on their own threads
            assertThat(uncaught).isEmpty();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
