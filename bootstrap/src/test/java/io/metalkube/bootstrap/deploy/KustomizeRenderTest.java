package io.metalkube.bootstrap.deploy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code kubectl kustomize deploy/} renders, where kubectl is installed (it is not downloaded for this). */
class KustomizeRenderTest {

    @Test
    void theBaseRendersWithKubectl() throws Exception {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not on PATH: rendering is checked only where kubectl exists");

        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", Manifests.deployDir().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("kind: Deployment").contains("kind: ClusterRole").contains("namespace: metalkube");
    }

    @Test
    void anOverlayWithTheWebhookHaComponentRendersTwoReplicasAndTheBudget() throws Exception {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not on PATH: rendering is checked only where kubectl exists");

        // an overlay as deploy/webhook/ha/kustomization.yaml tells users to write it
        Path overlay = Files.createTempDirectory("metalkube-ha-overlay");
        String deploy = overlay.relativize(Manifests.deployDir().toAbsolutePath()).toString(); // kustomize takes relative paths only
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [%1$s]
                components: [%1$s/webhook, %1$s/webhook/cert-manager, %1$s/webhook/ha]
                """.formatted(deploy));
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", "--load-restrictor=LoadRestrictionsNone", overlay.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("kind: PodDisruptionBudget", "replicas: 2", "kind: ValidatingWebhookConfiguration", "name: bmh-viewer",
                "containerPort: 9443", "topologyKey: kubernetes.io/hostname");
    }
}
