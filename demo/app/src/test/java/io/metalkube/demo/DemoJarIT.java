package io.metalkube.demo;

import io.metalkube.bootstrap.jar.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar metalkube-demo.jar --hold} (bin/demo --hold): runs to completion, then keeps serving health, Prometheus and (through
 * the written kubeconfig) kubectl, and stops on SIGTERM.
 */
class DemoJarIT {

    @Test
    void theHeldDemoServesHealthPrometheusAndKubectl(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("demo.kubeconfig");
        try (JarProcess jar = JarProcess.start(List.of(), List.of("--fast", "--hold", "--kubeconfig=" + kubeconfig), Map.of())) {
            String out = jar.awaitOutput(o -> o.contains("export KUBECONFIG="), Duration.ofSeconds(200));

            assertThat(out).contains("Both Machines own provisioned, powered-on hosts", "export KUBECONFIG=" + kubeconfig);
            Matcher health = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/health ").matcher(out);
            assertThat(health.find()).as(out).isTrue();
            assertThat(jar.get(health.group(1) + "/health/readiness").body()).contains("\"status\":\"UP\"");
            assertThat(jar.get(health.group(1) + "/prometheus").body())
                    .contains("metalkube_reconcile_seconds_count{controller=\"host\"", "metalkube_backend_call_seconds_count{backend=\"fixture\"");
            assertThat(Files.readString(kubeconfig)).contains("server: http://127.0.0.1:");

            Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
            if (kubectl != null) {
                assertThat(run(kubectl, kubeconfig, "get", "bmh")).contains("host-0", "host-7", "STATE", "CONSUMER", "provisioned");
                assertThat(run(kubectl, kubeconfig, "get", "machines", "-o", "jsonpath={.items[*].status.phase}"))
                        .isEqualTo("Provisioned Provisioned");
            }

            jar.terminate();
            jar.awaitExit(Duration.ofSeconds(30));
            assertThat(jar.output()).contains("MetalKube demo stopped.");
        }
    }

    private static String run(Path kubectl, Path kubeconfig, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(kubectl.toString(), "--kubeconfig=" + kubeconfig));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out.strip();
    }
}
