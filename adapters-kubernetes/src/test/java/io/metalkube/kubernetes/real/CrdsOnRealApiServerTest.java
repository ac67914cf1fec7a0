package io.metalkube.kubernetes.real;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.kubernetes.Crds;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.RealApiServer;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our generated CRDs on a real API server: accepted (the Machine CRD's group cluster.k8s.io is a protected *.k8s.io
 * group, refused without the api-approved.kubernetes.io annotation — the CRUD mock accepted it), structural,
 * Established, and installing again replaces them.
 */
class CrdsOnRealApiServerTest {

    static TestApiServer api;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        api = ApiServerBinding.KUBE_LITE.open();
        client = api.client();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void bothCrdsAreAcceptedStructuralAndEstablishedAndReinstallReplacesThem() {
        RealApiServer.installCrds(client);
        for (CustomResourceDefinition crd : Crds.load(client)) {
            CustomResourceDefinition served = client.apiextensions().v1().customResourceDefinitions()
                    .withName(crd.getMetadata().getName()).get();
            List<String> conditions = served.getStatus().getConditions().stream()
                    .map(c -> c.getType() + "=" + c.getStatus()).toList();
            assertThat(conditions).as(crd.getMetadata().getName()).contains("Established=True", "NamesAccepted=True")
                    .doesNotContain("NonStructuralSchema=True");
        }
    }

    @Test
    void theMachineCrdInTheProtectedGroupCarriesTheApprovalAnnotation() {
        CustomResourceDefinition machines = client.apiextensions().v1().customResourceDefinitions()
                .withName("machines.cluster.k8s.io").get();
        assertThat(machines).as("the API server accepted the Machine CRD").isNotNull();
        assertThat(machines.getMetadata().getAnnotations()).containsKey("api-approved.kubernetes.io");
        CustomResourceDefinitionCondition approval = machines.getStatus().getConditions().stream()
                .filter(c -> c.getType().equals("KubernetesAPIApprovalPolicyConformant")).findFirst().orElseThrow();
        assertThat(approval.getStatus()).as("cluster.k8s.io/v1alpha1 is not an approved Kubernetes API, and says so: %s",
                approval.getMessage()).isEqualTo("False");
    }
}
