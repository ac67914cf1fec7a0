package io.metalkube.kubernetes.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.metalkube.kubernetes.crd.BareMetalHostSpec;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;
import io.metalkube.kubernetes.crd.MachineSpec;
import io.metalkube.kubernetes.crd.MachineStatus;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What only a real API server shows about our CRDs (kube-lite only: the CRUD mock has no schema, so it neither
 * prunes, defaults nor validates): unknown fields are pruned, but nothing our wire types can carry is, status
 * included; schema defaults are applied; schema patterns refuse what the mock stores.
 */
class RealServerBehavioursTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static TestApiServer api;
    static KubernetesClient client;
    static String ns;

    @BeforeAll
    static void start() {
        api = ApiServerBinding.KUBE_LITE.open();
        client = api.client();
        ns = api.namespace("real");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void nothingOurHostSpecOrStatusCanCarryIsPruned() {
        assertNothingPruned("metal3.io/v1alpha1", "BareMetalHost", "filled-host", BareMetalHostSpec.class, BareMetalHostStatus.class);
    }

    @Test
    void nothingOurMachineSpecOrStatusCanCarryIsPruned() {
        assertNothingPruned("cluster.k8s.io/v1alpha1", "Machine", "filled-machine", MachineSpec.class, MachineStatus.class);
    }

    private void assertNothingPruned(String apiVersion, String kind, String name, Class<?> specType, Class<?> statusType) {
        ObjectNode spec = WireSamples.of(specType);
        ObjectNode object = JSON.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", ns);
        ObjectNode sent = spec.deepCopy().put("notInOurTypes", "pruned by a real server");
        object.set("spec", sent);
        var resources = client.genericKubernetesResources(apiVersion, kind).inNamespace(ns);
        GenericKubernetesResource created = resources.resource(JSON.convertValue(object, GenericKubernetesResource.class)).create();
        List<String> lostSpec = WireSamples.lost(sent, JSON.valueToTree(created).path("spec"), "spec");
        assertThat(lostSpec).as("%s spec fields the API server dropped: only the one our types do not have", kind)
                .containsExactly("spec.notInOurTypes");

        ObjectNode status = WireSamples.of(statusType);
        ObjectNode withStatus = JSON.valueToTree(created);
        withStatus.set("status", status);
        resources.resource(JSON.convertValue(withStatus, GenericKubernetesResource.class)).updateStatus();
        JsonNode stored = JSON.valueToTree(resources.withName(name).get()).path("status");
        List<String> lostStatus = WireSamples.lost(status, stored, "status");
        assertThat(lostStatus).as("%s status fields the API server dropped (add them to the CRD schema)", kind).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatTheMockStores() throws Exception {
        JsonNode host = JSON.readTree("""
                {"apiVersion": "metal3.io/v1alpha1", "kind": "BareMetalHost", "metadata": {"name": "bios-ish"},
                 "spec": {"online": false, "bootMode": "BIOS-ish", "bmc": {"address": "ipmi://192.0.2.1", "credentialsName": "x"}}}
                """);
        assertThatThrownBy(() -> client.genericKubernetesResources("metal3.io/v1alpha1", "BareMetalHost").inNamespace(ns)
                .resource(JSON.convertValue(host, GenericKubernetesResource.class)).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("spec.bootMode").contains("BIOS-ish");
                });
    }

    @Test
    void theSchemaDefaultsTheCleaningModeAsMetal3Does() throws Exception {
        JsonNode host = JSON.readTree("""
                {"apiVersion": "metal3.io/v1alpha1", "kind": "BareMetalHost", "metadata": {"name": "defaulted"},
                 "spec": {"online": false, "bmc": {"address": "ipmi://192.0.2.2", "credentialsName": "x"}}}
                """);
        GenericKubernetesResource created = client.genericKubernetesResources("metal3.io/v1alpha1", "BareMetalHost").inNamespace(ns)
                .resource(JSON.convertValue(host, GenericKubernetesResource.class)).create();
        assertThat(JSON.valueToTree(created).path("spec").path("automatedCleaningMode").asText()).isEqualTo("metadata");
    }
}
