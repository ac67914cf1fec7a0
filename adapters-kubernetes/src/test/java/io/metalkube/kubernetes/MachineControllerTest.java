package io.metalkube.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.crd.MachineSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Machine controller: invalid configs and "no host available" are visible; a host that appears is claimed. */
class MachineControllerTest {

    static EmbeddedApiServer api;
    static Site.Instance site;
    static io.fabric8.kubernetes.client.KubernetesClient client;

    @BeforeAll
    static void start() {
        api = EmbeddedApiServer.start();
        site = new Site.Instance(api, Site.settings("metalkube-machines"), Site.instantBackend()).start();
        client = api.client();
    }

    @AfterAll
    static void stop() {
        site.close();
        api.close();
    }

    static Machine create(String name, String providerValueJson) throws Exception {
        Machine m = new Machine();
        m.setMetadata(new ObjectMetaBuilder().withNamespace(Site.NS).withName(name).build());
        m.setSpec(new MachineSpec());
        m.getSpec().providerConfig = new MachineSpec.ProviderValue();
        m.getSpec().providerConfig.value = new ObjectMapper().readTree(providerValueJson);
        return client.resources(Machine.class).inNamespace(Site.NS).resource(m).create();
    }

    @Test
    void anInvalidProviderConfigIsReportedInStatusAndEvents() throws Exception {
        create("broken-0", "{\"kind\": \"BareMetalProviderConfig\", \"selector\": {\"node-profile\": {\"oops\": 1}}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Machine m = Site.machine(client, "broken-0");
            return m.getStatus() != null && "InvalidConfiguration".equals(m.getStatus().errorReason);
        });
        Machine m = Site.machine(client, "broken-0");
        assertThat(m.getStatus().errorMessage).contains("selector.node-profile must be a string");
        assertThat(m.getStatus().phase).isEqualTo("Failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.v1().events().inNamespace(Site.NS).list().getItems().stream()
                .anyMatch(e -> "broken-0".equals(e.getInvolvedObject().getName()) && "Warning".equals(e.getType())
                        && "InvalidConfiguration".equals(e.getReason())));
    }

    @Test
    void noHostAvailableIsVisibleAndAHostThatAppearsIsClaimed() throws Exception {
        create("waiting-0", "{\"kind\": \"BareMetalProviderConfig\", \"selector\": {\"node-profile\": \"gpu\"}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Machine m = Site.machine(client, "waiting-0");
            return m.getStatus() != null && "NoHostAvailable".equals(m.getStatus().errorReason);
        });
        assertThat(Site.machine(client, "waiting-0").getStatus().phase).isEqualTo("Pending");
        assertThat(Site.machine(client, "waiting-0").getStatus().errorMessage).contains("retrying every");

        Site.createHost(client, "gpu-0", 200, Map.of("node-profile", "gpu"));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Machine m = Site.machine(client, "waiting-0");
            return m.getStatus() != null && "gpu-0".equals(m.getStatus().hostName);
        });
        assertThat(Site.host(client, "gpu-0").getSpec().consumerRef.name).isEqualTo("waiting-0");
    }
}
