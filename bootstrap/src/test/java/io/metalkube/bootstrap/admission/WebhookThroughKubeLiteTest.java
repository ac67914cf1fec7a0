package io.metalkube.bootstrap.admission;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.kubernetes.testing.KubeLite;
import io.metalkube.kubernetes.testing.Kubectl;
import io.metalkube.kubernetes.testing.RealApiServer;
import io.metalkube.kubernetes.testing.SelfSignedCertificate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admission webhook called by a real API server: deploy/webhook's ValidatingWebhookConfiguration registered in
 * kube-lite (its service reference replaced by {@code url:} and {@code caBundle}, as for a webhook outside the cluster),
 * the operator's webhook served over TLS with the settings deploy/webhook ships, and the whole bad-input corpus
 * (adapters-kubernetes/src/test/resources/corpus) created with kubectl through the API server. Each object the corpus
 * says our webhook denies comes back as the API server's own error carrying our message; the few a real API server
 * refuses before any webhook (invalid names, labels, field types, schema patterns: header {@code # real-server:})
 * come back with the API server's message; Secrets are admitted.
 */
@MicronautTest(environments = "memory")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookThroughKubeLiteTest implements TestPropertyProvider {

    static final Path CORPUS = Path.of("..", "adapters-kubernetes", "src", "test", "resources", "corpus");

    private SelfSignedCertificate certificate;
    private int httpsPort;
    private KubeLite kubeLite;
    private RealApiServer api;
    private Path kubeconfig;
    private String ns;

    @Override
    public Map<String, String> getProperties() {
        try {
            certificate = SelfSignedCertificate.create("metalkube-webhook.metalkube.svc");
            httpsPort = freePort();
            Map<String, String> settings = new HashMap<>(WebhookManifests.shippedSettings());
            settings.put("micronaut.certificate.file.webhook.path", certificate.privateKey().toString());
            settings.put("micronaut.certificate.file.webhook.certificate-path", certificate.certificate().toString());
            settings.put("micronaut.server.ssl.port", String.valueOf(httpsPort));
            settings.put("micronaut.server.port", String.valueOf(freePort()));
            settings.put("micronaut.server.host", "127.0.0.1");
            settings.put("metalkube.backend", "fixture");
            return settings;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        }
    }

    @BeforeAll
    void registerTheShippedWebhookInKubeLite() throws Exception {
        assumeTrue(KubeLite.binary().isPresent(), KubeLite::unavailableReason);
        assumeTrue(Kubectl.onPath().isPresent(), "kubectl is not installed on this machine");
        kubeLite = KubeLite.start();
        api = new RealApiServer(kubeLite.kubeconfigYaml());
        KubernetesClient client = api.client();
        RealApiServer.installCrds(client);
        ns = api.namespace("corpus");
        kubeconfig = api.writeKubeconfig(kubeLite.dir().resolve("user-kubeconfig"));
        ValidatingWebhookConfiguration shipped;
        try (var in = Files.newInputStream(WebhookManifests.dir().resolve("validatingwebhookconfiguration.yaml"))) {
            shipped = client.getKubernetesSerialization().unmarshal(in, ValidatingWebhookConfiguration.class);
        }
        shipped.getMetadata().getAnnotations().remove("cert-manager.io/inject-ca-from");
        String caBundle = certificate.caBundle();
        shipped.getWebhooks().forEach(w -> {
            String path = w.getClientConfig().getService().getPath();
            w.getClientConfig().setService(null);
            w.getClientConfig().setUrl("https://127.0.0.1:" + httpsPort + path);
            w.getClientConfig().setCaBundle(caBundle);
        });
        client.admissionRegistration().v1().validatingWebhookConfigurations().resource(shipped).create();
    }

    @AfterAll
    void stop() throws IOException {
        if (api != null) {
            api.close();
        }
        if (kubeLite != null) {
            kubeLite.close();
        }
        certificate.delete();
    }

    @Test
    void aValidHostAndMachineAreAdmitted() throws Exception {
        Path file = kubeLite.dir().resolve("valid.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: Secret
                metadata: {name: valid-0-bmc, labels: {environment.metal3.io: baremetal}}
                stringData: {username: admin, password: pw}
                ---
                apiVersion: metal3.io/v1alpha1
                kind: BareMetalHost
                metadata: {name: valid-0, labels: {role: worker}}
                spec: {online: false, bmc: {address: "ipmi://192.0.2.10", credentialsName: valid-0-bmc}}
                ---
                apiVersion: cluster.k8s.io/v1alpha1
                kind: Machine
                metadata: {name: valid-m-0}
                spec: {providerSpec: {value: {kind: BareMetalProviderConfig, selector: {role: worker}}}}
                """);
        Kubectl.Result r = kubectl("create", "-n", ns, "-f", file.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("baremetalhost.metal3.io/valid-0 created", "machine.cluster.k8s.io/valid-m-0 created");
    }

    @Test
    void aDenialIsTheApiServersOwnErrorNamingOurWebhook() {
        KubernetesClient client = api.client();
        io.metalkube.kubernetes.crd.BareMetalHost host = new io.metalkube.kubernetes.crd.BareMetalHost();
        host.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("gopher-0").withNamespace(ns).build());
        host.setSpec(new io.metalkube.kubernetes.crd.BareMetalHostSpec());
        host.getSpec().bmc = new io.metalkube.kubernetes.crd.BareMetalHostSpec.Bmc();
        host.getSpec().bmc.address = "gopher://192.0.2.9";
        host.getSpec().bmc.credentialsName = "gopher-0-bmc";
        assertThatThrownBy(() -> client.resources(io.metalkube.kubernetes.crd.BareMetalHost.class).inNamespace(ns).resource(host).create())
                .isInstanceOfSatisfying(io.fabric8.kubernetes.client.KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getMessage())
                            .startsWith("admission webhook \"baremetalhost.validation.metalkube.io\" denied the request: ")
                            .contains("unknown BMC scheme \"gopher\"");
                });
    }

    @Test
    void everyCorpusObjectIsDeniedByTheApiServerWithOurMessage() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        for (Path file : files) {
            String name = CORPUS.relativize(file).toString();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String deny = header(lines, "deny").orElseThrow(() -> new IllegalStateException(name + " has no '# deny:' header"));
            Optional<String> realServer = header(lines, "real-server");
            Kubectl.Result r = kubectl("create", "-n", ns, "-f", file.toString());
            String out = r.output();
            if (deny.equals("none")) {
                outcomes.put(name, r.exit() == 0 ? "admitted" : "REFUSED");
                if (r.exit() != 0) {
                    wrong.add(name + ": expected to be admitted, kubectl said: " + out);
                }
                continue;
            }
            if (r.exit() == 0) {
                wrong.add(name + ": expected a denial containing \"" + deny + "\", kubectl created it: " + out);
            } else if (refusedByTheSchema(out)) {
                outcomes.put(name, "refused by the API server itself");
                if (realServer.isEmpty() || !out.contains(realServer.get())) {
                    wrong.add(name + ": the API server refused it before any webhook; its header must say so ('# real-server: <text of "
                            + "the refusal>'): " + out);
                }
            } else if (out.contains(deny)) {
                outcomes.put(name, "denied with our message");
            } else {
                wrong.add(name + ": refused without our message \"" + deny + "\": " + out);
            }
        }
        outcomes.forEach((k, v) -> System.out.printf("  %-55s %s%n", k, v));
        assertThat(wrong).as("corpus objects without the outcome their headers ask for").isEmpty();
    }

    /** The API server's own validation (schema, required fields, names, labels) words its refusals so; our webhook never does. */
    private static boolean refusedByTheSchema(String kubectlOutput) {
        return kubectlOutput.contains(" in body ") || kubectlOutput.contains(": Required value") || kubectlOutput.contains("RFC 1123")
                || kubectlOutput.contains("must consist of");
    }

    private static Optional<String> header(List<String> lines, String key) {
        String prefix = "# " + key + ":";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).findFirst();
    }

    private Kubectl.Result kubectl(String... args) throws Exception {
        return new Kubectl(Kubectl.onPath().orElseThrow(), kubeconfig).run(120, args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
