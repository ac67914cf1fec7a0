package io.metalkube.kubernetes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The build fails when deploy/crds/ differs from the CRDs generated from the Java types in this build. */
class CommittedCrdsTest {

    static final Map<String, String> COMMITTED = Map.of(
            "META-INF/fabric8/baremetalhosts.metal3.io-v1.yml", "baremetalhosts.metal3.io.yaml",
            "META-INF/fabric8/machines.cluster.k8s.io-v1.yml", "machines.cluster.k8s.io.yaml");

    @Test
    void committedCrdsEqualTheGeneratedOnes() throws IOException {
        Path dir = Path.of("..", "deploy", "crds");
        for (var e : COMMITTED.entrySet()) {
            String generated;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(e.getKey())) {
                assertThat(in).as("generated CRD %s on the classpath", e.getKey()).isNotNull();
                generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path committed = dir.resolve(e.getValue());
            assertThat(committed).as("committed CRD").exists();
            assertThat(Files.readString(committed))
                    .as("deploy/crds/%s is out of date; regenerate it: cp adapters-kubernetes/target/classes/%s deploy/crds/%s",
                            e.getValue(), e.getKey(), e.getValue())
                    .isEqualTo(generated);
        }
    }

    @Test
    void theOptionalOpenShiftMachineCrdIsCommittedInItsComponent() throws IOException {
        String generated;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Crds.OPENSHIFT_MACHINES)) {
            assertThat(in).as("generated CRD %s on the classpath", Crds.OPENSHIFT_MACHINES).isNotNull();
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(Path.of("..", "deploy", "openshift", "machines.machine.openshift.io.yaml")))
                .as("deploy/openshift/machines.machine.openshift.io.yaml is out of date; regenerate it: cp adapters-kubernetes/target/classes/%s "
                        + "deploy/openshift/machines.machine.openshift.io.yaml", Crds.OPENSHIFT_MACHINES)
                .isEqualTo(generated);
        assertThat(Crds.RESOURCES).as("optional: not in the default install").doesNotContain(Crds.OPENSHIFT_MACHINES);
    }

    @Test
    void theSchemaRefusesMetal3sClosedValueSetsAndMalformedMacs() throws IOException {
        String crd = Files.readString(Path.of("../deploy/crds/baremetalhosts.metal3.io.yaml"));
        assertThat(crd).contains("^(UEFI|UEFISecureBoot|legacy)?$", "^(metadata|disabled)?$",
                "^(md5|sha256|sha512|auto)?$", "^(raw|qcow2|vdi|vmdk|live-iso)?$", "^$|^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$");
    }

    @Test
    void bareMetalHostCrdHasMetal3sNamesColumnsAndStatusSubresource() {
        try (EmbeddedApiServer api = EmbeddedApiServer.start()) {
            var bmh = Crds.load(api.client()).get(0);
            assertThat(bmh.getMetadata().getName()).isEqualTo("baremetalhosts.metal3.io");
            assertThat(bmh.getSpec().getNames().getShortNames()).containsExactly("bmh", "bmhost");
            assertThat(bmh.getSpec().getScope()).isEqualTo("Namespaced");
            var version = bmh.getSpec().getVersions().get(0);
            assertThat(version.getSubresources().getStatus()).isNotNull();
            assertThat(version.getAdditionalPrinterColumns())
                    .extracting(c -> c.getName() + "@" + (c.getPriority() == null ? 0 : c.getPriority()))
                    .as("metal3's order; the generator sorts by JSON path and PrinterColumnOrder (a build step) restores it")
                    .containsExactly("Status@1", "State@0", "Consumer@0", "BMC@1", "Online@0", "Error@0", "Age@0");
            assertThat(version.getAdditionalPrinterColumns()).filteredOn(c -> c.getPriority() == null)
                    .as("what plain kubectl get bmh shows")
                    .extracting(c -> c.getName()).containsExactly("State", "Consumer", "Online", "Error", "Age");
            assertThat(Crds.load(api.client()).get(1).getSpec().getVersions().get(0).getAdditionalPrinterColumns())
                    .extracting(c -> c.getName()).containsExactly("Host", "Phase", "Error", "Age");

            Crds.install(api.client());
            assertThat(api.client().apiextensions().v1().customResourceDefinitions().list().getItems())
                    .as("installing again replaces, it does not fail or duplicate")
                    .extracting(c -> c.getMetadata().getName())
                    .containsExactlyInAnyOrder("baremetalhosts.metal3.io", "machines.cluster.k8s.io");
        }
    }
}
