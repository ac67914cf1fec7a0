package io.metalkube.kubernetes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.metalkube.application.port.in.ProviderConfig;
import io.metalkube.domain.claim.ClaimRequest;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.kubernetes.crd.MachineSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** golden/provider-configs.yaml: both config kinds and both field names, plus every way to get them wrong. */
class ProviderConfigReaderGoldenTest {

    static final ConsumerRef CONSUMER = new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", "default", "m-1");

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Golden.read("provider-configs.yaml")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
        }
        assertThat(tests).hasSizeGreaterThan(15);
        return tests.stream();
    }

    private static void check(JsonNode c) throws Exception {
        MachineSpec spec = Golden.YAML.treeToValue(c.get("spec"), MachineSpec.class);
        ProviderConfig config = ProviderConfigReader.read(spec, CONSUMER, "default");
        JsonNode e = c.get("expect");
        if (e.has("invalid")) {
            assertThat(config).isInstanceOf(ProviderConfig.Invalid.class);
            assertThat(((ProviderConfig.Invalid) config).message()).contains(e.get("invalid").asText());
            return;
        }
        assertThat(config).as("valid config, not %s", config).isInstanceOf(ProviderConfig.Valid.class);
        ClaimRequest r = ((ProviderConfig.Valid) config).request();
        assertThat(r.consumer()).isEqualTo(CONSUMER);
        assertThat(r.namespace()).isEqualTo("default");
        assertThat(r.selector().toString()).isEqualTo(e.get("selector").asText());
        assertThat(r.image() == null ? null : r.image().url()).isEqualTo(e.get("image").isNull() ? null : e.get("image").asText());
        assertThat(r.userData() == null ? null : r.userData().namespace() + "/" + r.userData().name())
                .isEqualTo(e.get("userData").isNull() ? null : e.get("userData").asText());
    }
}
