package io.metalkube.demo;

import io.metalkube.demo.DemoCluster.HostRow;
import io.metalkube.demo.apiserver.CrudApiServer;
import io.metalkube.kubernetes.Crds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code bin/demo --hold} as a user drives it: real kubectl (no extra flags) through the demo's kubectl gateway against
 * its embedded API server with the operator running: metal3-style files with stringData Secrets applied and re-applied,
 * annotations and labels removed with {@code KEY-} and merge-patch nulls, generated names, events, watches.
 */
class KubectlAgainstTheDemoTest {

    private static final String HOSTS = """
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: rack7-0-bmc
              labels:
                environment.metal3.io: baremetal
            type: Opaque
            stringData:
              username: admin
              password: %1$s
            ---
            apiVersion: metal3.io/v1alpha1
            kind: BareMetalHost
            metadata:
              name: rack7-0
              labels:
                node-profile: node
                rack: rack-7
            spec:
              online: false
              bootMACAddress: "52:54:00:7a:00:01"
              bmc:
                address: ipmi://192.0.2.70:623
                credentialsName: rack7-0-bmc
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: rack7-1-bmc
              labels:
                environment.metal3.io: baremetal
            type: Opaque
            stringData:
              username: admin
              password: %1$s
            ---
            apiVersion: metal3.io/v1alpha1
            kind: BareMetalHost
            metadata:
              name: rack7-1
              labels:
                node-profile: %2$s
            spec:
              online: false
              bootMACAddress: "52:54:00:7a:00:02"
              bmc:
                address: ipmi://192.0.2.71:623
                credentialsName: rack7-1-bmc
            """;

    @TempDir
    static Path dir;
    static Path kubectl;
    static CrudApiServer api;
    static RunningOperator operator;
    static KubectlGateway gateway;
    static Path kubeconfig;

    @BeforeAll
    static void start() throws Exception {
        kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not on PATH: these tests drive the demo with the real kubectl");
        api = CrudApiServer.start(Crds.RESOURCES);
        operator = RunningOperator.start(api, new DemoOptions(true, Duration.ofSeconds(120), 20, 0, dir.resolve("kc"), false));
        gateway = KubectlGateway.start(api);
        kubeconfig = CrudApiServer.writeKubeconfig(dir.resolve("demo.kubeconfig"), gateway.url());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (operator != null) {
            operator.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void applyAndReapplyOfAMetal3FileWithStringDataSecretsGetsTheHostsAvailable() throws Exception {
        Path file = dir.resolve("hosts.yaml");
        Files.writeString(file, HOSTS.formatted("first-password", "node"));

        assertThat(kubectl("apply", "-f", file.toString()))
                .contains("secret/rack7-0-bmc created", "baremetalhost.metal3.io/rack7-0 created", "baremetalhost.metal3.io/rack7-1 created");
        assertThat(decoded(kubectl("get", "secret", "rack7-0-bmc", "-o", "jsonpath={.data.password}"))).isEqualTo("first-password");
        assertThat(kubectl("get", "secret", "rack7-0-bmc", "-o", "jsonpath={.stringData}")).isEmpty();
        DemoCluster cluster = new DemoCluster(api.client(), "default");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(cluster.hosts())
                .filteredOn(h -> h.name().startsWith("rack7-")).extracting(HostRow::state).containsOnly("available").hasSize(2));

        Files.writeString(file, HOSTS.formatted("second-password", "master"));
        assertThat(kubectl("apply", "-f", file.toString())).doesNotContain("warning")
                .contains("secret/rack7-0-bmc configured", "baremetalhost.metal3.io/rack7-1 configured", "baremetalhost.metal3.io/rack7-0 unchanged");
        assertThat(decoded(kubectl("get", "secret", "rack7-1-bmc", "-o", "jsonpath={.data.password}"))).isEqualTo("second-password");
        assertThat(kubectl("get", "bmh", "rack7-1", "-o", "jsonpath={.metadata.labels.node-profile}")).isEqualTo("master");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(cluster.hosts())
                .filteredOn(h -> h.name().startsWith("rack7-")).extracting(HostRow::state).containsOnly("available").hasSize(2));
        // stringData is write-only, so kubectl re-sends it for the Secrets on every apply (as against a cluster); hosts are unchanged
        assertThat(kubectl("apply", "-f", file.toString()))
                .contains("baremetalhost.metal3.io/rack7-0 unchanged", "baremetalhost.metal3.io/rack7-1 unchanged").doesNotContain("warning");

        assertThat(kubectl("get", "events", "--field-selector", "involvedObject.name=rack7-0"))
                .contains("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE", "baremetalhost/rack7-0", "Registered");
    }

    @Test
    void annotateKeyMinusAndAMergePatchNullRemoveTheKeys() throws Exception {
        Path file = dir.resolve("one-host.yaml");
        Files.writeString(file, HOSTS.formatted("pw", "node").replace("rack7-", "patch-"));
        kubectl("apply", "-f", file.toString());

        kubectl("annotate", "bmh", "patch-0", "reboot.metal3.io/maintenance=", "example.com/owner=team-a");
        assertThat(kubectl("get", "bmh", "patch-0", "-o", "jsonpath={.metadata.annotations}")).contains("reboot.metal3.io/maintenance");
        kubectl("annotate", "bmh", "patch-0", "reboot.metal3.io/maintenance-");
        String annotations = kubectl("get", "bmh", "patch-0", "-o", "jsonpath={.metadata.annotations}");
        assertThat(annotations).doesNotContain("reboot.metal3.io/maintenance").contains("example.com/owner");

        kubectl("patch", "bmh", "patch-0", "--type=merge", "-p", "{\"metadata\":{\"labels\":{\"rack\":null}},\"spec\":{\"bootMACAddress\":null}}");
        assertThat(kubectl("get", "bmh", "patch-0", "-o", "jsonpath={.metadata.labels}")).doesNotContain("rack").contains("node-profile");
        assertThat(kubectl("get", "bmh", "patch-0", "-o", "jsonpath={.spec}")).doesNotContain("bootMACAddress").contains("credentialsName");

        kubectl("label", "bmh", "patch-0", "node-profile-");
        kubectl("patch", "bmh", "patch-0", "--type=json", "-p", "[{\"op\":\"remove\",\"path\":\"/metadata/annotations/example.com~1owner\"}]");
        assertThat(kubectl("get", "bmh", "patch-0", "-o", "jsonpath={.metadata.labels}")).doesNotContain("node-profile");
        assertThat(kubectl("get", "bmh", "patch-0", "-o", "jsonpath={.metadata.annotations}")).doesNotContain("example.com/owner");

        kubectl("patch", "secret", "patch-0-bmc", "-p", "{\"stringData\":{\"password\":\"rotated\"}}"); // strategic merge, kubectl's default
        assertThat(decoded(kubectl("get", "secret", "patch-0-bmc", "-o", "jsonpath={.data.password}"))).isEqualTo("rotated");
    }

    @Test
    void generatedNamesLookLikeARealApiServersAndGetWatchStreamsChanges() throws Exception {
        Path machine = dir.resolve("machine.yaml");
        Files.writeString(machine, """
                apiVersion: cluster.k8s.io/v1alpha1
                kind: Machine
                metadata:
                  generateName: baremetal-worker-
                spec:
                  providerSpec:
                    value:
                      apiVersion: baremetal.cluster.k8s.io/v1alpha1
                      kind: BareMetalMachineProviderSpec
                      selector:
                        node-profile: nobody-has-this
                """);
        assertThat(kubectl("create", "-f", machine.toString())).matches("machine\\.cluster\\.k8s\\.io/baremetal-worker-[bcdfghjklmnpqrstvwxz2456789]{5} created");

        Process watch = new ProcessBuilder(kubectl.toString(), "--kubeconfig=" + kubeconfig, "get", "bmh", "-w").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> seen = new ArrayList<>();
            String header = out.readLine();
            assertThat(header).contains("NAME", "STATE");
            Files.writeString(dir.resolve("watched.yaml"), HOSTS.formatted("pw", "node").replace("rack7-", "watched-"));
            kubectl("apply", "-f", dir.resolve("watched.yaml").toString());
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                seen.add(out.readLine());
                return seen.stream().anyMatch(l -> l != null && l.startsWith("watched-0"));
            });
        } finally {
            watch.destroy();
            watch.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
    }

    private static String kubectl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig=" + kubeconfig));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", args) + ": " + out).isZero();
        return out.strip();
    }
}
