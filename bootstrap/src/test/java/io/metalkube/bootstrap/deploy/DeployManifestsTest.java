package io.metalkube.bootstrap.deploy;

import io.metalkube.bootstrap.deploy.Manifests.Doc;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.metalkube.bootstrap.deploy.Manifests.at;
import static io.metalkube.bootstrap.deploy.Manifests.list;
import static io.metalkube.bootstrap.deploy.Manifests.map;
import static io.metalkube.bootstrap.deploy.Manifests.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** Every manifest under deploy/ parses and is a Kubernetes object; the kustomize base lists files that exist. */
class DeployManifestsTest {

    private final Path deploy = Manifests.deployDir();
    private final Manifests all = Manifests.load(deploy);

    @Test
    void everyDocumentIsAKubernetesObjectWithANameOrGenerateName() {
        assertThat(all.docs()).hasSizeGreaterThan(10);
        for (Doc d : all.docs()) {
            if (d.file().getFileName().toString().startsWith("kustomization.")) {
                continue; // kustomize's own file; apiVersion and kind are optional there
            }
            assertThat(d.body()).as(d.file() + " " + d.kind()).containsKeys("apiVersion", "kind");
            Map<String, Object> meta = map(d.body().get("metadata"));
            assertThat(meta.containsKey("name") || meta.containsKey("generateName")).as(d.file() + " " + d.kind() + " has a name").isTrue();
        }
    }

    @Test
    void theKustomizationListsExistingFilesAndTheCrds() {
        Doc k = Manifests.parse(deploy.resolve("kustomization.yaml")).getFirst();
        List<String> resources = strings(k.body().get("resources"));
        assertThat(resources).contains("namespace.yaml", "crds/baremetalhosts.metal3.io.yaml", "crds/machines.cluster.k8s.io.yaml", "serviceaccount.yaml", "rbac.yaml", "configmap.yaml", "deployment.yaml");
        for (String r : resources) {
            assertThat(Files.exists(deploy.resolve(r))).as("kustomization resource " + r + " exists").isTrue();
        }
        assertThat(k.body().get("namespace")).isEqualTo("metalkube");
    }

    @Test
    void theSamplesHoldHostsWithTheirSecretsForBothProfilesAndTheSeedsTwoMachines() {
        // deploy/samples itself; the mixed-site overlay in deploy/samples/mixed-site has its own test (MixedSiteSamplesTest)
        List<Doc> hosts = all.ofKind("BareMetalHost").filter(h -> h.file().getParent().endsWith("samples")).toList();
        for (Doc host : hosts) {
            String secret = (String) at(host.body(), "spec", "bmc", "credentialsName");
            assertThat(all.one("Secret", secret).file()).isEqualTo(host.file());
            assertThat(at(all.one("Secret", secret).body(), "metadata", "labels", "environment.metal3.io"))
                    .as("watched without the operator having to label it (it may only read Secrets)").isEqualTo("baremetal");
            assertThat((String) at(host.body(), "spec", "bmc", "address")).startsWith("ipmi://");
            assertThat(at(host.body(), "spec", "image", "url")).as("provisioned once claimed").isNotNull();
        }
        assertThat(hosts).extracting(h -> at(h.body(), "metadata", "labels", "node-profile")).containsExactlyInAnyOrder("master", "node");

        List<Doc> machines = all.ofKind("Machine").toList();
        assertThat(machines).extracting(Doc::name).containsExactly("baremetal-master-", "baremetal-node-");
        assertThat(machines).extracting(m -> at(m.body(), "spec", "providerConfig", "value", "selector", "node-profile"))
                .containsExactly("master", "node");
        assertThat(machines).extracting(m -> at(m.body(), "spec", "providerConfig", "value", "kind"))
                .containsOnly("BareMetalProviderConfig");
    }

    @Test
    void theDeploymentIsProbedBoundedAndLockedDown() {
        Map<String, Object> pod = map(at(all.one("Deployment", "metalkube-operator").body(), "spec", "template", "spec"));
        Map<String, Object> c = map(list(pod.get("containers")).getFirst());

        assertThat(at(pod, "serviceAccountName")).isEqualTo("metalkube-operator");
        assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(c, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(c, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(strings(at(c, "securityContext", "capabilities", "drop"))).containsExactly("ALL");
        assertThat(at(c, "livenessProbe", "httpGet", "path")).isEqualTo("/health/liveness");
        assertThat(at(c, "readinessProbe", "httpGet", "path")).isEqualTo("/health/readiness");
        for (String kind : List.of("requests", "limits")) {
            assertThat(map(at(c, "resources", kind))).as(kind).containsKeys("cpu", "memory");
        }
        Map<String, Object> tmpMount = list(c.get("volumeMounts")).stream().map(Manifests::map)
                .filter(m -> "/tmp".equals(m.get("mountPath"))).findFirst().orElseThrow(() -> new AssertionError("no /tmp mount"));
        Map<String, Object> tmpVolume = list(pod.get("volumes")).stream().map(Manifests::map)
                .filter(v -> v.get("name").equals(tmpMount.get("name"))).findFirst().orElseThrow();
        assertThat(tmpVolume).containsKey("emptyDir");
    }

    @Test
    void theWebhookHaComponentRunsTwoReplicasOnDifferentNodesUnderADisruptionBudget() {
        Path overlay = deploy.resolve("webhook/ha");
        Doc k = Manifests.parse(overlay.resolve("kustomization.yaml")).getFirst();
        assertThat(k.kind()).isEqualTo("Component");
        for (String r : Manifests.strings(k.body().get("resources"))) {
            assertThat(Files.exists(overlay.resolve(r))).as("webhook/ha resource " + r + " exists").isTrue();
        }
        Doc replicas = Manifests.parse(overlay.resolve("replicas.yaml")).getFirst();
        assertThat(at(replicas.body(), "spec", "replicas")).isEqualTo(2);
        Doc pdb = Manifests.parse(overlay.resolve("pdb.yaml")).getFirst();
        assertThat(pdb.kind()).isEqualTo("PodDisruptionBudget");
        assertThat(at(pdb.body(), "spec", "minAvailable")).isEqualTo(1);
        Map<String, Object> podLabels = map(at(all.one("Deployment", "metalkube-operator").body(), "spec", "template", "metadata", "labels"));
        assertThat(podLabels).containsAllEntriesOf(map(at(pdb.body(), "spec", "selector", "matchLabels")));
        assertThat(Manifests.strings(Manifests.parse(deploy.resolve("kustomization.yaml")).getFirst().body().get("resources")))
                .as("a budget with one replica would block every drain: not in the base").doesNotContain("webhook/ha/pdb.yaml");
    }

    @Test
    void theServiceMonitorSampleScrapesTheServicesPrometheusPort() {
        Doc monitor = all.one("ServiceMonitor", "metalkube-operator");
        Doc service = all.one("Service", "metalkube-operator");
        Map<String, Object> endpoint = map(list(at(monitor.body(), "spec", "endpoints")).getFirst());
        assertThat(endpoint).containsEntry("path", "/prometheus");
        assertThat(list(at(service.body(), "spec", "ports"))).extracting(p -> map(p).get("name")).contains(endpoint.get("port"));
        assertThat(map(at(monitor.body(), "spec", "selector", "matchLabels"))).containsEntry("app.kubernetes.io/name", "metalkube");
    }
}
