package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: CAPM3 drives a MetalKube host exactly as it drives metal3's. The replay ({@link Capm3}) makes, call for
 * call, what cluster-api-provider-metal3 makes on a BareMetalHost across associate, provisioned, a remediation reboot
 * and release, against the operator with the fixture back-end, on the embedded API server (the CRUD mock) and on kube-lite; at every
 * step it checks the status fields CAPM3 waits on, as CAPM3 reads them.
 */
class Capm3ReplayTest {

    static final String CLUSTER = "workload-1";
    static final Map<String, String> WORKERS = Map.of("pool", "workers");

    @Nested
    class OnTheCrudMock extends Replay {
        OnTheCrudMock() {
            super(ApiServerBinding.CRUD_MOCK);
        }
    }

    @Nested
    class OnKubeLite extends Replay {
        OnKubeLite() {
            super(ApiServerBinding.KUBE_LITE);
        }
    }

    abstract static class Replay extends ApiServerSuite {

        String ns;
        FixtureBackend backend;
        Site.Instance operator;
        Capm3 capm3;
        Watch watch;
        final Map<String, List<String>> statesSeen = new ConcurrentHashMap<>();

        Replay(ApiServerBinding binding) {
            super(binding);
        }

        @BeforeEach
        void start() {
            statesSeen.clear();
            ns = api.namespace("capm3");
            backend = Site.instantBackend();
            operator = new Site.Instance(api, Site.settings("metalkube-capm3", ns), backend).start();
            capm3 = new Capm3(client, ns, CLUSTER);
            watch = client.resources(BareMetalHost.class).inNamespace(ns).watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, BareMetalHost h) {
                    List<String> seen = statesSeen.computeIfAbsent(h.getMetadata().getName(), k -> new CopyOnWriteArrayList<>());
                    String state = Site.state(h);
                    if (seen.isEmpty() || !seen.getLast().equals(state)) {
                        seen.add(state);
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            });
        }

        @AfterEach
        void stop() {
            watch.close();
            operator.close();
        }

        @Test
        void associateProvisionRemediateAndReleaseAsCapm3DoesIt() {
            createAvailableHost("node-0", 60);
            createAvailableHost("node-1", 61);
            createDataSecrets("m3m-a");
            createDataSecrets("m3m-b");
            await().atMost(Site.PATIENCE).until(() -> capm3.chooseHost(machine("m3m-a", "v1beta1", null)).isPresent()
                    && capm3.getHost("node-1") != null && "available".equals(Site.state(capm3.getHost("node-1"))));

            // Associate: a v1beta1 Metal3Machine with an image, a v1beta2 one with a custom deploy
            Capm3.Metal3Machine imageMachine = machine("m3m-a", "v1beta1", null);
            Capm3.Metal3Machine customMachine = machine("m3m-b", "v1beta2", "install_coreos");
            BareMetalHost chosen = capm3.chooseHost(imageMachine).orElseThrow();
            assertThat(chosen.getMetadata().getName()).isEqualTo("node-0");
            capm3.associate(chosen, imageMachine);
            BareMetalHost second = capm3.chooseHost(customMachine).orElseThrow(() -> new AssertionError("a consumed host was offered again"));
            assertThat(second.getMetadata().getName()).isEqualTo("node-1");
            capm3.associate(second, customMachine);
            assertThat(capm3.chooseHost(machine("m3m-c", "v1beta1", null))).as("both hosts are consumed").isEmpty();

            // Update / IsBaremetalHostProvisioned: CAPM3 waits for status.provisioning.state == provisioned
            await().atMost(Site.PATIENCE).until(() -> capm3.isBaremetalHostProvisioned("node-0") && capm3.isBaremetalHostProvisioned("node-1"));
            // poweredOn follows with the next power read (as in metal3): CAPM3 reads it only in remediation, later
            await().atMost(Site.PATIENCE).until(() -> capm3.isPoweredOn("node-0") && capm3.isPoweredOn("node-1"));
            for (String name : List.of("node-0", "node-1")) {
                BareMetalHost h = capm3.getHost(name);
                assertThat(h.getStatus().poweredOn).as("%s poweredOn", name).isTrue();
                assertThat(h.getStatus().errorMessage).as("%s errorMessage", name).isNullOrEmpty();
                assertThat(Capm3.nodeAddresses(h)).as("%s: Metal3Machine addresses from hardware.nics and hardware.hostname", name)
                        .extracting(Capm3.Address::type).contains("InternalIP", "Hostname", "InternalDNS");
                assertThat(h.getStatus().hardware.hostname).isEqualTo(name);
                assertConsumedBy(h, name.equals("node-0") ? imageMachine : customMachine);
                assertThat(client.secrets().inNamespace(ns).withName(name + "-bmc").get().getMetadata().getLabels())
                        .containsEntry(Capm3.CLUSTER_NAME_LABEL, CLUSTER);
            }
            assertThat(backend.image(id("node-0"))).isEqualTo("http://images.example/capm3.qcow2");
            assertThat(backend.customDeploy(id("node-1"))).isEqualTo("install_coreos");
            assertThat(statesSeen.get("node-0")).containsSubsequence("available", "provisioning", "provisioned");

            // Remediation (controllers/metal3remediation_controller.go reconcileNormal, strategy Reboot)
            String remediation = UUID.randomUUID().toString();
            long provisions = backend.calls("provision");
            assertThat(capm3.onlineStatus("node-0")).as("CAPM3 fails a remediation of a host with online false").isTrue();
            assertThat(capm3.isPowerOffRequested("node-0", remediation)).isFalse();
            capm3.setPowerOffAnnotation("node-0", remediation);
            await().atMost(Site.PATIENCE).until(() -> !capm3.isPoweredOn("node-0"));
            assertThat(backend.poweredOn(id("node-0"))).as("the BMC is really off").isFalse();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> !capm3.isPoweredOn("node-0") && capm3.isPowerOffRequested("node-0", remediation));
            assertThat(backend.poweredOn(id("node-0"))).as("kept off while the annotation is on").isFalse();
            // the Node is deleted in the workload cluster; phase Waiting
            assertThat(capm3.isPowerOffRequested("node-0", remediation)).isTrue();
            capm3.removePowerOffAnnotation("node-0", remediation);
            await().atMost(Site.PATIENCE).until(() -> capm3.isPoweredOn("node-0"));
            assertThat(backend.poweredOn(id("node-0"))).isTrue();
            BareMetalHost remediated = capm3.getHost("node-0");
            assertThat(Site.state(remediated)).isEqualTo("provisioned");
            assertThat(remediated.getStatus().errorMessage).isNullOrEmpty();
            assertThat(backend.calls("provision")).as("a remediation reboot re-provisions nothing").isEqualTo(provisions);
            assertThat(backend.image(id("node-0"))).isEqualTo("http://images.example/capm3.qcow2");

            // Release (Delete): spec cleared and online false, then CAPM3 waits while the host deprovisions
            long deprovisions = backend.calls("deprovision");
            capm3.deleteFirstPass("node-0");
            await().atMost(Site.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                BareMetalHost h = capm3.getHost("node-0");
                assertThat(h.getSpec().consumerRef).as("consumerRef is CAPM3's to clear, after deprovisioning").isNotNull();
                return !capm3.deleteWaiting("node-0");
            });
            BareMetalHost released = capm3.getHost("node-0");
            assertThat(released.getSpec().consumerRef).isNull();
            assertThat(released.getMetadata().getOwnerReferences()).isNullOrEmpty();
            assertThat(Capm3.labels(released)).doesNotContainKey(Capm3.CLUSTER_NAME_LABEL);
            assertThat(backend.calls("deprovision")).as("deprovisioned before CAPM3 let go").isGreaterThan(deprovisions);
            assertThat(backend.image(id("node-0"))).as("cleaned").isNull();
            assertThat(statesSeen.get("node-0")).containsSubsequence("provisioned", "deprovisioning", "available");
            await().atMost(Site.PATIENCE).until(() -> !capm3.isPoweredOn("node-0"));
            assertThat(backend.poweredOn(id("node-0"))).as("online false: powered off").isFalse();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> "available".equals(Site.state(capm3.getHost("node-0"))));
            assertThat(capm3.chooseHost(machine("m3m-c", "v1beta1", null)).map(h -> h.getMetadata().getName()))
                    .as("free for the next Metal3Machine").contains("node-0");
            assertThat(client.secrets().inNamespace(ns).withName("node-0-bmc").get().getMetadata().getLabels())
                    .doesNotContainKey(Capm3.CLUSTER_NAME_LABEL);
            // node-1 was never touched by node-0's remediation or release
            assertThat(capm3.isBaremetalHostProvisioned("node-1")).isTrue();
            assertThat(backend.poweredOn(id("node-1"))).isTrue();
        }

        private void assertConsumedBy(BareMetalHost h, Capm3.Metal3Machine m) {
            assertThat(h.getSpec().consumerRef.kind).isEqualTo("Metal3Machine");
            assertThat(h.getSpec().consumerRef.name).isEqualTo(m.name());
            assertThat(h.getSpec().consumerRef.apiVersion).isEqualTo(m.apiVersion());
            assertThat(h.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
                assertThat(o.getKind()).isEqualTo("Metal3Machine");
                assertThat(o.getUid()).isEqualTo(m.uid());
            });
            assertThat(Capm3.labels(h)).containsEntry(Capm3.CLUSTER_NAME_LABEL, CLUSTER);
            assertThat(h.getSpec().online).isTrue();
            assertThat(h.getSpec().userData.name).isEqualTo(m.userData());
            assertThat(h.getSpec().metaData.name).isEqualTo(m.metaData());
            assertThat(h.getSpec().networkData.name).isEqualTo(m.networkData());
        }

        private Capm3.Metal3Machine machine(String name, String version, String customDeploy) {
            return new Capm3.Metal3Machine(name, Capm3.INFRA_GROUP + "/" + version, UUID.nameUUIDFromBytes(name.getBytes()).toString(), WORKERS,
                    customDeploy == null ? "http://images.example/capm3.qcow2" : null,
                    customDeploy == null ? "http://images.example/capm3.qcow2.sha256sum" : null,
                    customDeploy, name + "-user-data", name + "-metadata", name + "-networkdata", "metadata");
        }

        /** A host an administrator enrolled for CAPM3: BMC and credentials, labels for the hostSelector, no image, online false. */
        private void createAvailableHost(String name, int n) {
            client.secrets().inNamespace(ns).resource(Site.secret(ns, name + "-bmc", "admin", "pw-" + name)).create();
            BareMetalHost h = Site.host(ns, name, name + "-bmc", n, WORKERS);
            h.getSpec().image = null;
            h.getSpec().automatedCleaningMode = "metadata";
            client.resources(BareMetalHost.class).inNamespace(ns).resource(h).create();
        }

        /** The Secrets CABPK and CAPM3's Metal3Data render for a Metal3Machine. */
        private void createDataSecrets(String machine) {
            Map<String, List<String>> secrets = Map.of(
                    "-user-data", List.of("userData", "#cloud-config\n"),
                    "-metadata", List.of("metaData", "{\"local-hostname\":\"" + machine + "\"}"),
                    "-networkdata", List.of("networkData", "{\"links\":[],\"networks\":[],\"services\":[]}"));
            secrets.forEach((suffix, keyAndValue) -> client.secrets().inNamespace(ns).resource(new SecretBuilder()
                    .withMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(machine + suffix).build())
                    .withData(Map.of(keyAndValue.get(0), Site.b64(keyAndValue.get(1)))).build()).create());
        }

        private HostId id(String name) {
            return new HostId(ns, name);
        }
    }
}
