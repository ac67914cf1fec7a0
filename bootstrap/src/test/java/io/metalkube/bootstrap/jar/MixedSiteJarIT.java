package io.metalkube.bootstrap.jar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.ipmi.sim.IpmiSimulator;
import io.metalkube.ipmi.sim.SimulatorFleet;
import io.metalkube.kubernetes.EmbeddedApiServer;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostSpec;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One deployment, every BMC kind: one operator (the fat jar, {@code metalkube.backend: direct}) on an API server,
 * with two IPMI hosts on real {@code ipmi_sim} BMCs and two Redfish hosts on the real sushy-tools emulator. All four
 * reach {@code available}, each through its own back-end: the provisioning IDs and the inspected vendors show which.
 */
class MixedSiteJarIT {

    static final String NS = "mixed";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ipmiAndRedfishHostsReachAvailableEachThroughItsOwnBackEnd(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ipmi_sim")), "ipmi_sim is not installed (bin/install-peers.sh)");
        Path config = Files.writeString(dir.resolve("metalkube.yml"), """
                metalkube:
                  backend: direct
                  direct:
                    backends: [ipmi, redfish]
                """);
        try (SimulatorFleet ipmi = new SimulatorFleet("mixed-site", 11);
             SushyEmulator redfish = SushyEmulator.start("mixed-site", 2);
             EmbeddedApiServer api = EmbeddedApiServer.start();
             JarProcess jar = JarProcess.start(List.of("-Dmetalkube.kubernetes.master-url=" + api.url(), "-Dmetalkube.kubernetes.server-side-apply=false", "-Dmetalkube.kubernetes.leader-election=false",
                     "-Dmicronaut.server.port=-1"), List.of(), Map.of("MICRONAUT_CONFIG_FILES", config.toString()))) {
            KubernetesClient client = api.client();
            Map<String, String> expectedBackEnd = new LinkedHashMap<>();
            for (int i = 1; i <= 2; i++) {
                IpmiSimulator sim = ipmi.start();
                create(client, "ipmi-" + i, sim.bmcAddress(), IpmiSimulator.USER, IpmiSimulator.PASSWORD);
                expectedBackEnd.put("ipmi-" + i, "ipmi-");
            }
            for (String uuid : redfish.uuids()) {
                String name = "redfish-" + uuid.substring(0, 6);
                create(client, name, redfish.address(uuid), SushyEmulator.USER, SushyEmulator.PASSWORD);
                expectedBackEnd.put(name, "redfish-");
            }
            jar.awaitOutput(out -> out.contains("Startup completed"), Duration.ofSeconds(90));

            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (String name : expectedBackEnd.keySet()) {
                    assertThat(state(client, name)).as("%s (operator output: %s)", name, tail(jar.output())).isEqualTo("available");
                }
            });
            for (Map.Entry<String, String> e : expectedBackEnd.entrySet()) {
                JsonNode status = status(client, e.getKey());
                assertThat(status.path("provisioning").path("ID").asText(status.path("provisioning").path("id").asText()))
                        .as("%s was registered by its own back-end", e.getKey()).startsWith(e.getValue());
                String vendor = status.path("hardware").path("systemVendor").path("manufacturer").asText();
                assertThat(vendor).isEqualTo(e.getValue().equals("ipmi-") ? "Acme Corp" : "Sushy Emulator");
                assertThat(status.path("errorMessage").asText("")).isEmpty();
            }
        }
    }

    private static void create(KubernetesClient client, String name, String address, String user, String password) {
        client.secrets().inNamespace(NS).resource(new SecretBuilder()
                .withMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name + "-bmc").withLabels(Map.of("environment.metal3.io", "baremetal")).build())
                .withData(Map.of("username", b64(user), "password", b64(password))).build()).create();
        BareMetalHost h = new BareMetalHost();
        h.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        BareMetalHostSpec spec = new BareMetalHostSpec();
        spec.bmc = new BareMetalHostSpec.Bmc();
        spec.bmc.address = address;
        spec.bmc.credentialsName = name + "-bmc";
        spec.online = false;
        h.setSpec(spec);
        client.resources(BareMetalHost.class).inNamespace(NS).resource(h).create();
    }

    private static JsonNode status(KubernetesClient client, String name) {
        BareMetalHost h = client.resources(BareMetalHost.class).inNamespace(NS).withName(name).get();
        return h == null || h.getStatus() == null ? JSON.createObjectNode() : JSON.valueToTree(h.getStatus());
    }

    private static String state(KubernetesClient client, String name) {
        return status(client, name).path("provisioning").path("state").asText("");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String tail(String output) {
        return output.length() <= 3000 ? output : output.substring(output.length() - 3000);
    }
}
