package io.metalkube.kubernetes;

import io.metalkube.kubernetes.testing.Kubectl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

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
        Path kubectl = Kubectl.onPath().orElse(null);
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

    private static String run(Path kubectl, Path kubeconfig, String... args) throws Exception {
        return new Kubectl(kubectl, kubeconfig).ok(30, args);
    }
}
