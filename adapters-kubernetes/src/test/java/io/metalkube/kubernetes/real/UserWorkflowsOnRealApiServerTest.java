package io.metalkube.kubernetes.real;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.application.fake.FixtureTimings;
import io.metalkube.application.service.HostReconciler;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.application.service.OperationRunner;
import io.metalkube.application.service.StateCountingCapacity;
import io.metalkube.domain.claim.HostClaims;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.LifecycleTimings;
import io.metalkube.kubernetes.ApiRequestCounter;
import io.metalkube.kubernetes.KubernetesOperator;
import io.metalkube.kubernetes.KubernetesPorts;
import io.metalkube.kubernetes.KubernetesSettings;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import io.metalkube.kubernetes.testing.Kubectl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a user does with kubectl against a real API server while the operator runs (kube-lite only: the CRUD mock
 * has no strategic merge, folds no stringData, keeps nulls, has no namespace controller): a BMC Secret written with
 * {@code stringData}; {@code kubectl apply}, a re-apply that changes nothing, an apply that drops a label,
 * {@code kubectl annotate KEY-} and {@code kubectl patch} of hosts; deleting a namespace whose hosts carry our
 * finalizer.
 */
class UserWorkflowsOnRealApiServerTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static TestApiServer api;
    static KubernetesClient client;
    static String ns;
    static FixtureBackend backend;
    static KubernetesOperator operator;
    @TempDir
    static Path dir;
    static Path kubeconfig;

    @BeforeAll
    static void start() {
        api = ApiServerBinding.KUBE_LITE.open();
        client = api.client();
        ns = api.namespace("kubectl");
        kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"));
        backend = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
        operator = operator(api, backend, ns);
        operator.start();
    }

    static KubernetesOperator operator(TestApiServer api, FixtureBackend backend, String... namespaces) {
        return operator(api, backend, null, namespaces);
    }

    /** An operator as bootstrap wires it (fixture back-end), its client's requests counted in {@code counter} (or null). */
    static KubernetesOperator operator(TestApiServer api, FixtureBackend backend, ApiRequestCounter counter, String... namespaces) {
        return operator(api, backend, counter, KubernetesSettings.defaults(), namespaces);
    }

    /** As above, from {@code base} settings (e.g. with leader election). */
    static KubernetesOperator operator(TestApiServer api, FixtureBackend backend, ApiRequestCounter counter, KubernetesSettings base,
                                       String... namespaces) {
        KubernetesSettings settings = base.withOperatorName("metalkube-kubectl")
                .withNamespaces(Set.of(namespaces)).withApiRequestsPerSecond(2_000);
        KubernetesClient c = api.client(settings, counter);
        Clock clock = Clock.systemUTC();
        KubernetesPorts ports = new KubernetesPorts(c, settings, clock);
        HostReconciler hosts = new HostReconciler(ports.hosts(), ports.credentials(), new StateCountingCapacity(ports.hosts(), 20, clock),
                new OperationRunner(backend.asBackend()), ports.events(), new Lifecycle(LifecycleTimings.metal3Defaults()), clock);
        return new KubernetesOperator(c, settings, hosts, new MachineClaimer(ports.machines(), ports.hosts(), HostClaims.standard()));
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aStringDataSecretIsReadAsTheUserWroteIt() throws Exception {
        backend.acceptOnly("ipmi://192.0.2.51", "s3cret-from-stringData");
        kubectl("apply", "-n", ns, "-f", write("string-data.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: sd-0-bmc, labels: {environment.metal3.io: baremetal}}
                stringData: {username: admin, password: s3cret-from-stringData}
                ---
                apiVersion: metal3.io/v1alpha1
                kind: BareMetalHost
                metadata: {name: sd-0}
                spec: {online: false, bmc: {address: "ipmi://192.0.2.51", credentialsName: sd-0-bmc}}
                """).toString());
        assertThat(client.secrets().inNamespace(ns).withName("sd-0-bmc").get().getData()).as("stringData folded into data")
                .containsKeys("username", "password");
        await().atMost(PATIENCE).until(() -> "available".equals(state("sd-0")));
        assertThat(backend.isRegistered(new HostId(ns, "sd-0"))).isTrue();
    }

    @Test
    void applyReapplyAnnotateRemoveAndPatchAHostWhileTheOperatorRuns() throws Exception {
        client.secrets().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
                .withName("ka-0-bmc").addToLabels("environment.metal3.io", "baremetal").endMetadata()
                .addToStringData("username", "admin").addToStringData("password", "pw").build()).create();
        String host = """
                apiVersion: metal3.io/v1alpha1
                kind: BareMetalHost
                metadata:
                  name: ka-0
                  labels: {rack: r1, role: %s}
                spec: {online: false, bmc: {address: "ipmi://192.0.2.52", credentialsName: ka-0-bmc}}
                """;
        Path file = write("host.yaml", host.formatted("worker"));
        assertThat(kubectl("apply", "-n", ns, "-f", file.toString())).contains("created");
        await().atMost(PATIENCE).until(() -> "available".equals(state("ka-0")));

        assertThat(kubectl("apply", "-n", ns, "-f", file.toString())).as("re-apply while the operator owns status and finalizer")
                .contains("unchanged");
        Files.writeString(file, host.formatted("worker").replace("rack: r1, ", ""));
        assertThat(kubectl("apply", "-n", ns, "-f", file.toString())).contains("configured");
        assertThat(read("ka-0").getMetadata().getLabels()).as("a label dropped from the file is removed").doesNotContainKey("rack");
        assertThat(read("ka-0").getMetadata().getFinalizers()).as("apply keeps the operator's finalizer")
                .contains("baremetalhost.metal3.io/finalizer");

        kubectl("annotate", "-n", ns, "bmh", "ka-0", "example.com/note=temporary");
        kubectl("annotate", "-n", ns, "bmh", "ka-0", "example.com/note-");
        assertThat(read("ka-0").getMetadata().getAnnotations()).as("KEY- removes the key on a real server (no null left)")
                .doesNotContainKey("example.com/note");

        kubectl("patch", "-n", ns, "bmh", "ka-0", "--type=merge", "-p", "{\"spec\":{\"online\":true}}");
        await().atMost(PATIENCE).until(() -> Boolean.TRUE.equals(read("ka-0").getStatus().poweredOn));
        assertThat(read("ka-0").getStatus().errorType).isNull();
        assertThat(operator.isRunning()).isTrue();
    }

    @Test
    void deletingANamespaceWhoseHostsCarryOurFinalizerCompletes() throws Exception {
        String doomed = api.namespace("doomed");
        FixtureBackend own = new FixtureBackend(Clock.systemUTC(), FixtureTimings.instant());
        try (KubernetesOperator op = operator(api, own, doomed)) {
            op.start();
            for (int i = 0; i < 3; i++) {
                String name = "nd-" + i;
                client.secrets().inNamespace(doomed).resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
                        .withName(name + "-bmc").addToLabels("environment.metal3.io", "baremetal").endMetadata()
                        .addToStringData("username", "admin").addToStringData("password", "pw").build()).create();
                client.resources(BareMetalHost.class).inNamespace(doomed).resource(host(doomed, name, 60 + i)).create();
            }
            await().atMost(PATIENCE).until(() -> client.resources(BareMetalHost.class).inNamespace(doomed).list().getItems().stream()
                    .filter(h -> h.getMetadata().getFinalizers().contains("baremetalhost.metal3.io/finalizer")
                            && h.getStatus() != null && "available".equals(h.getStatus().provisioning.state)).count() == 3);

            client.namespaces().withName(doomed).delete();
            await().atMost(PATIENCE).until(() -> client.namespaces().withName(doomed).get() == null);
            for (int i = 0; i < 3; i++) {
                assertThat(own.isRegistered(new HostId(doomed, "nd-" + i))).as("nd-%d deregistered from the back-end", i).isFalse();
            }
        }
    }

    static BareMetalHost host(String namespace, String name, int n) {
        BareMetalHost h = new BareMetalHost();
        h.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        h.setSpec(new io.metalkube.kubernetes.crd.BareMetalHostSpec());
        h.getSpec().bmc = new io.metalkube.kubernetes.crd.BareMetalHostSpec.Bmc();
        h.getSpec().bmc.address = "ipmi://192.0.2." + n;
        h.getSpec().bmc.credentialsName = name + "-bmc";
        return h;
    }

    private static String state(String name) {
        BareMetalHost h = read(name);
        return h == null || h.getStatus() == null || h.getStatus().provisioning == null ? "" : h.getStatus().provisioning.state;
    }

    private static BareMetalHost read(String name) {
        return client.resources(BareMetalHost.class).inNamespace(ns).withName(name).get();
    }

    private static Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    static String kubectl(String... args) throws Exception {
        Optional<Path> kubectl = Kubectl.onPath();
        assumeTrue(kubectl.isPresent(), "kubectl is not installed on this machine");
        return new Kubectl(kubectl.get(), kubeconfig).ok(60, args);
    }
}
