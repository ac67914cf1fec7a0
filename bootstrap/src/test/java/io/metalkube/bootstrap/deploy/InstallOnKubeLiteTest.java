package io.metalkube.bootstrap.deploy;

import io.metalkube.kubernetes.testing.KubeLite;
import io.metalkube.kubernetes.testing.Kubectl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The install as a user does it, on a real API server (kube-lite): {@code kubectl apply -k deploy/} applies cleanly and
 * re-applies without changes, the CRDs become Established, the samples apply; then the base with the webhook component
 * (deploy/webhook) applies and re-applies without changes too. (kube-lite stores the Deployment, Services and RBAC
 * objects without running them; the cert-manager component needs cert-manager's CRDs, which kube-lite does not serve.)
 */
class InstallOnKubeLiteTest {

    @TempDir
    Path dir;

    @Test
    void deployAppliesCleanlyReappliesUnchangedAndTheSamplesApply() throws Exception {
        assumeTrue(KubeLite.binary().isPresent(), KubeLite::unavailableReason);
        assumeTrue(Kubectl.onPath().isPresent(), "kubectl is not installed on this machine");
        Path deploy = Manifests.deployDir();
        try (KubeLite kubeLite = KubeLite.start()) {
            Path kubeconfig = kubeLite.dir().resolve("kubeconfig");

            String first = ok(kubeconfig, "apply", "-k", deploy.toString());
            assertThat(first).contains("customresourcedefinition.apiextensions.k8s.io/baremetalhosts.metal3.io created",
                    "customresourcedefinition.apiextensions.k8s.io/machines.cluster.k8s.io created",
                    "clusterrole.rbac.authorization.k8s.io/metalkube-operator created", "deployment.apps/metalkube-operator created");
            ok(kubeconfig, "wait", "--for", "condition=established", "--timeout=60s",
                    "crd/baremetalhosts.metal3.io", "crd/machines.cluster.k8s.io");
            assertUnchanged(ok(kubeconfig, "apply", "-k", deploy.toString()));

            assertThat(ok(kubeconfig, "apply", "-n", "metalkube", "-f", deploy.resolve("samples/hosts.yaml").toString()))
                    .contains("baremetalhost.metal3.io/host-0 created", "baremetalhost.metal3.io/host-1 created");
            assertThat(ok(kubeconfig, "create", "-n", "metalkube", "-f", deploy.resolve("samples/machines.yaml").toString()))
                    .contains("machine.cluster.k8s.io/baremetal-master-", "machine.cluster.k8s.io/baremetal-node-");
            assertThat(ok(kubeconfig, "get", "bmh", "-n", "metalkube")).contains("host-0", "host-1");

            Path overlay = Files.createDirectories(dir.resolve("with-webhook"));
            Files.writeString(overlay.resolve("kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    resources:
                      - %s
                    components:
                      - %s
                    """.formatted(overlay.relativize(deploy), overlay.relativize(deploy.resolve("webhook"))));
            assertThat(ok(kubeconfig, "apply", "-k", overlay.toString()))
                    .contains("validatingwebhookconfiguration.admissionregistration.k8s.io/metalkube-webhook created",
                            "deployment.apps/metalkube-operator configured");
            assertUnchanged(ok(kubeconfig, "apply", "-k", overlay.toString()));
        }
    }

    private static void assertUnchanged(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank() && !l.startsWith("Warning:")).toList();
        assertThat(lines).as("a re-apply changes nothing").isNotEmpty().allMatch(l -> l.endsWith(" unchanged"));
    }

    private static String ok(Path kubeconfig, String... args) throws Exception {
        return new Kubectl(Kubectl.onPath().orElseThrow(), kubeconfig).ok(120, args);
    }
}
