package io.metalkube.bootstrap.deploy;

import io.metalkube.bootstrap.deploy.Manifests.Doc;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.metalkube.bootstrap.deploy.Manifests.at;
import static io.metalkube.bootstrap.deploy.Manifests.list;
import static io.metalkube.bootstrap.deploy.Manifests.map;
import static io.metalkube.bootstrap.deploy.Manifests.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/openshift: the machine.openshift.io Machine CRD as an optional kustomize component (not in the base, which
 * OpenShift users apply as it is), and the base RBAC that lets the operator serve those Machines wherever they exist.
 */
class OpenShiftComponentTest {

    private final Path deploy = Manifests.deployDir();

    @Test
    void theComponentShipsTheOpenShiftMachineCrdAndTheBaseDoesNot() {
        Path component = deploy.resolve("openshift");
        Doc k = Manifests.parse(component.resolve("kustomization.yaml")).getFirst();
        assertThat(k.kind()).isEqualTo("Component");
        List<String> resources = strings(k.body().get("resources"));
        assertThat(resources).containsExactly("machines.machine.openshift.io.yaml");
        Doc crd = Manifests.parse(component.resolve(resources.getFirst())).getFirst();
        assertThat(crd.kind()).isEqualTo("CustomResourceDefinition");
        assertThat(at(crd.body(), "spec", "group")).isEqualTo("machine.openshift.io");
        assertThat(at(crd.body(), "spec", "names", "kind")).isEqualTo("Machine");
        assertThat(map(list(at(crd.body(), "spec", "versions")).getFirst()).get("name")).isEqualTo("v1beta1");

        List<String> base = strings(Manifests.parse(deploy.resolve("kustomization.yaml")).getFirst().body().get("resources"));
        assertThat(base).as("OpenShift has its own CRD: not in the default install").noneMatch(r -> r.contains("openshift"));
    }

    @Test
    void theBaseRbacLetsTheOperatorServeOpenShiftMachines() {
        Doc role = Manifests.load(deploy).one("ClusterRole", "metalkube-operator");
        List<Map<String, Object>> rules = list(at(role.body(), "rules")).stream().map(Manifests::map)
                .filter(r -> strings(r.get("apiGroups")).contains("machine.openshift.io")).toList();
        assertThat(rules).anySatisfy(r -> {
            assertThat(strings(r.get("resources"))).contains("machines");
            assertThat(strings(r.get("verbs"))).contains("get", "list", "watch", "update", "patch").doesNotContain("*", "delete", "create");
        });
        assertThat(rules).anySatisfy(r -> {
            assertThat(strings(r.get("resources"))).contains("machines/status");
            assertThat(strings(r.get("verbs"))).contains("update", "patch");
        });
    }

    @Test
    void anOverlayWithTheComponentRendersTheCrd() throws Exception {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not on PATH: rendering is checked only where kubectl exists");
        Path overlay = Files.createTempDirectory("metalkube-openshift-overlay");
        String base = overlay.relativize(deploy.toAbsolutePath()).toString();
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [%1$s]
                components: [%1$s/openshift]
                """.formatted(base));
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", "--load-restrictor=LoadRestrictionsNone", overlay.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("name: machines.machine.openshift.io", "name: machines.cluster.k8s.io", "kind: Deployment");
    }
}
