package io.metalkube.bootstrap.jar;

import io.metalkube.kubernetes.EmbeddedApiServer;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fat jar as Kubernetes runs it: {@code java -jar metalkube.jar} against an API server (here the embedded one),
 * answering health and Prometheus, winning the leader-election Lease, stopping cleanly on SIGTERM; and refusing to
 * start without {@code metalkube.backend}.
 */
class OperatorJarIT {

    /** Configured as deploy/ configures it: a config file named by MICRONAUT_CONFIG_FILES, the Lease from env vars. */
    @Test
    void theJarRunsTheOperatorAnswersHealthAndPrometheusAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path config = Files.writeString(dir.resolve("metalkube.yml"), """
                metalkube:
                  backend: fixture
                  provisioning-limit: 5
                """);
        try (EmbeddedApiServer api = EmbeddedApiServer.start();
             JarProcess jar = JarProcess.start(List.of("-Dmetalkube.kubernetes.master-url=" + api.url(), "-Dmetalkube.kubernetes.server-side-apply=false",
                     "-Dmicronaut.server.host=127.0.0.1", "-Dmicronaut.server.port=" + port), List.of(),
                     Map.of("MICRONAUT_CONFIG_FILES", config.toString(), "METALKUBE_KUBERNETES_LEASE_NAMESPACE", "default",
                             "METALKUBE_KUBERNETES_LEASE_IDENTITY", "jar-it"))) {
            String base = "http://127.0.0.1:" + port;
            jar.awaitOutput(out -> out.contains("Startup completed"), Duration.ofSeconds(90));

            HttpResponse<String> readiness = awaitReady(jar, base + "/health/readiness");
            assertThat(readiness.body()).as("health details are not for anonymous callers").contains("\"status\":\"UP\"")
                    .doesNotContain("\"operator\"", "\"backend\"", "\"fixture\"");
            assertThat(jar.get(base + "/health").body()).contains("\"status\":\"UP\"").doesNotContain("\"backend\"", "\"reachable\"");
            assertThat(jar.get(base + "/health/liveness").statusCode()).isEqualTo(200);
            String metrics = jar.get(base + "/prometheus").body();
            assertThat(metrics).contains("metalkube_hosts{state=\"available\"}", "metalkube_hosts_with_error", "jvm_memory_used_bytes");
            assertThat(api.client().leases().inNamespace("default").withName("metalkube-operator").get())
                    .as("the Lease of leader election").isNotNull()
                    .satisfies(lease -> assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("jar-it"));

            jar.terminate();
            int exit = jar.awaitExit(Duration.ofSeconds(30));
            assertThat(jar.output()).as("graceful shutdown").contains("shutting down").doesNotContain("Exception in thread");
            assertThat(exit).as(jar.output()).isIn(0, 143);
        }
    }

    @Test
    void withoutABackendTheJarRefusesToStartAndSaysWhichSettingIsMissing() throws Exception {
        try (EmbeddedApiServer api = EmbeddedApiServer.start();
             JarProcess jar = JarProcess.start(List.of("-Dmetalkube.kubernetes.master-url=" + api.url(), "-Dmetalkube.kubernetes.server-side-apply=false",
                     "-Dmetalkube.kubernetes.leader-election=false", "-Dmicronaut.server.port=-1"), List.of(), Map.of())) {
            int exit = jar.awaitExit(Duration.ofSeconds(90));
            assertThat(exit).isNotZero();
            assertThat(jar.output()).contains("metalkube.backend is not set: set it to one of ironic, ipmi, fixture");
        }
    }

    private static HttpResponse<String> awaitReady(JarProcess jar, String url) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 100; i++) {
            last = jar.get(url);
            if (last.statusCode() == 200) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("readiness stayed " + last.statusCode() + ": " + last.body() + "\n" + jar.output());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
