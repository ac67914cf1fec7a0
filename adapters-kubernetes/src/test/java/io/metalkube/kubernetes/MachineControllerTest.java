package io.metalkube.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.crd.MachineSpec;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Machine controller: invalid configs and "no host available" are visible; a host that appears is claimed.
 * On the CRUD mock and on kube-lite.
 */
class MachineControllerTest {

    @Nested
    class OnTheCrudMock extends Suite {
        OnTheCrudMock() {
            super(ApiServerBinding.CRUD_MOCK);
        }
    }

    @Nested
    class OnKubeLite extends Suite {
        OnKubeLite() {
            super(ApiServerBinding.KUBE_LITE);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite {

        final ApiServerBinding binding;
        TestApiServer api;
        Site.Instance site;
        Site.User user;
        String ns;

        Suite(ApiServerBinding binding) {
            this.binding = binding;
        }

        @BeforeAll
        void start() {
            api = binding.open();
            ns = api.namespace("machines");
            site = new Site.Instance(api, Site.settings("metalkube-machines", ns), Site.instantBackend()).start();
            user = new Site.User(api.client(), ns);
        }

        @AfterAll
        void stop() {
            if (site != null) {
                site.close();
            }
            if (api != null) {
                api.close();
            }
        }

        Machine create(String name, String providerValueJson) throws Exception {
            Machine m = new Machine();
            m.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
            m.setSpec(new MachineSpec());
            m.getSpec().providerConfig = new MachineSpec.ProviderValue();
            m.getSpec().providerConfig.value = new ObjectMapper().readTree(providerValueJson);
            return user.client().resources(Machine.class).inNamespace(ns).resource(m).create();
        }

        @Test
        void anInvalidProviderConfigIsReportedInStatusAndEvents() throws Exception {
            create("broken-0", "{\"kind\": \"BareMetalProviderConfig\", \"selector\": {\"node-profile\": {\"oops\": 1}}}");
            await().atMost(Site.PATIENCE).until(() -> {
                Machine m = user.machine("broken-0");
                return m.getStatus() != null && "InvalidConfiguration".equals(m.getStatus().errorReason);
            });
            Machine m = user.machine("broken-0");
            assertThat(m.getStatus().errorMessage).contains("selector.node-profile must be a string");
            assertThat(m.getStatus().phase).isEqualTo("Failed");
            await().atMost(Site.PATIENCE).until(() -> user.events().stream()
                    .anyMatch(e -> "broken-0".equals(e.getInvolvedObject().getName()) && "Warning".equals(e.getType())
                            && "InvalidConfiguration".equals(e.getReason())));
        }

        @Test
        void noHostAvailableIsVisibleAndAHostThatAppearsIsClaimed() throws Exception {
            create("waiting-0", "{\"kind\": \"BareMetalProviderConfig\", \"selector\": {\"node-profile\": \"gpu\"}}");
            await().atMost(Site.PATIENCE).until(() -> {
                Machine m = user.machine("waiting-0");
                return m.getStatus() != null && "NoHostAvailable".equals(m.getStatus().errorReason);
            });
            assertThat(user.machine("waiting-0").getStatus().phase).isEqualTo("Pending");
            assertThat(user.machine("waiting-0").getStatus().errorMessage).contains("retrying every");

            user.createHost("gpu-0", 200, Map.of("node-profile", "gpu"));
            await().atMost(Site.PATIENCE).until(() -> {
                Machine m = user.machine("waiting-0");
                return m.getStatus() != null && "gpu-0".equals(m.getStatus().hostName);
            });
            assertThat(user.host("gpu-0").getSpec().consumerRef.name).isEqualTo("waiting-0");
        }
    }
}
