package io.metalkube.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code demo --hold}'s promise: with the kubeconfig EmbeddedApiServer writes, kubectl lists hosts and Machines.
 * CRUD mock only: it tests the discovery documents the embedded server fakes for kubectl; a real API server serves
 * them itself (kubectl against kube-lite: KubectlOnRealApiServerTest).
 */
class KubectlAgainstEmbeddedApiServerTest {

    @TempDir
    Path dir;

    @Test
    void kubectlGetBmhAndMachinesWork() throws Exception {
        Path kubectl = findKubectl();
        assumeTrue(kubectl != null, "kubectl is not installed on this machine");
        try (EmbeddedApiServer api = EmbeddedApiServer.start()) {
            var client = api.client();
            new Site.User(client, "default").createHost("kubectl-0", 9, Map.of("node-profile", "master"));
            Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"));

            String hosts = run(kubectl, kubeconfig, "get", "bmh", "-o", "name");
            assertThat(hosts).contains("baremetalhost.metal3.io/kubectl-0");
            String yaml = run(kubectl, kubeconfig, "get", "baremetalhosts.metal3.io", "kubectl-0", "-o", "yaml");
            assertThat(yaml).contains("credentialsName: kubectl-0-bmc");
            String machines = run(kubectl, kubeconfig, "get", "machines");
            assertThat(machines).contains("No resources found");
        }
    }

    private String run(Path kubectl, Path kubeconfig, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("kubectl %s finished", String.join(" ", args)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("kubectl %s: %s", String.join(" ", args), text).isZero();
        return text;
    }

    private static Path findKubectl() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path k = Path.of(d, "kubectl");
            if (Files.isExecutable(k)) {
                return k;
            }
        }
        return null;
    }
}
