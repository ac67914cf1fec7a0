package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: a cluster move (pivot) keeps every provisioned host. Two embedded API servers, each with its own operator,
 * and one {@link FixtureBackend} between them: it is the data center both clusters manage. Hosts provisioned through
 * CAPM3 ({@link Capm3}) in the source are moved as {@code clusterctl move} moves them ({@link Clusterctl}); in the
 * target they reach provisioned with the same provisioning ID and no back-end write; nothing is powered off or
 * deprovisioned in the source; the source objects really go away.
 */
class ClusterMoveTest {

    static final String CLUSTER = "workload-1";
    static final List<String> HOSTS = List.of("node-0", "node-1");

    TestApiServer sourceApi;
    TestApiServer targetApi;
    KubernetesClient source;
    KubernetesClient target;
    String ns;
    FixtureBackend dataCenter;
    Site.Instance sourceOperator;
    Site.Instance targetOperator;

    @BeforeEach
    void start() {
        sourceApi = ApiServerBinding.CRUD_MOCK.open();
        targetApi = ApiServerBinding.CRUD_MOCK.open();
        source = sourceApi.client();
        target = targetApi.client();
        ns = sourceApi.namespace("pivot");
        dataCenter = Site.instantBackend();
        sourceOperator = new Site.Instance(sourceApi, Site.settings("metalkube-bootstrap", ns), dataCenter).start();
        // clusterctl init installed the providers in the target before the move: its operator is running throughout
        targetOperator = new Site.Instance(targetApi, Site.settings("metalkube-target", ns), dataCenter).start();
    }

    @AfterEach
    void stop() {
        sourceOperator.close();
        targetOperator.close();
        sourceApi.close();
        targetApi.close();
    }

    @Test
    void provisionedHostsMovedAsClusterctlMovesThemAreAdoptedWithBackEndReadsOnly() {
        Capm3 sourceCapm3 = new Capm3(source, ns, CLUSTER);
        Map<String, String> provisioningIds = new HashMap<>();
        for (int i = 0; i < HOSTS.size(); i++) {
            String name = HOSTS.get(i);
            provisionThroughCapm3(sourceCapm3, name, 70 + i);
        }
        await().atMost(Site.PATIENCE).until(() -> HOSTS.stream().allMatch(sourceCapm3::isBaremetalHostProvisioned)
                && HOSTS.stream().allMatch(sourceCapm3::isPoweredOn));
        for (String name : HOSTS) {
            sourceCapm3.ensureBlockMoveAnnotation(name);
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> !new Clusterctl(source, target, ns).readyForMove(HOSTS));
        Map<String, Long> writes = new HashMap<>();
        Map<String, Long> powerOffs = new HashMap<>();
        for (String name : HOSTS) {
            BareMetalHost h = sourceCapm3.getHost(name);
            provisioningIds.put(name, h.getStatus().provisioning.id);
            writes.put(name, dataCenter.writes(id(name)));
            powerOffs.put(name, dataCenter.powerOffs(id(name)));
            assertThat(h.getStatus().provisioning.id).isNotBlank();
        }
        long deprovisions = dataCenter.calls("deprovision");

        // clusterctl move: the Cluster is paused; CAPM3 pauses its hosts (status annotation) and lifts block-move
        Clusterctl clusterctl = new Clusterctl(source, target, ns);
        Map<String, Boolean> carriesHardware = new HashMap<>();
        for (String name : HOSTS) {
            sourceCapm3.setPauseAnnotation(name);
        }
        await().atMost(Site.PATIENCE).until(() -> clusterctl.readyForMove(HOSTS));
        long sourceCallsWhenPaused = sourceOperator.backendCalls.get();
        for (String name : HOSTS) {
            BareMetalHost h = sourceCapm3.getHost(name);
            assertThat(Capm3.annotations(h)).containsEntry(Capm3.PAUSED, Capm3.PAUSED_BY_CAPM3).containsKey(Capm3.STATUS);
            // CAPM3's copy leaves hardware out; MetalKube's own backup (written when it sees the pause) has it
            carriesHardware.put(name, source.getKubernetesSerialization().unmarshal(Capm3.annotations(h).get(Capm3.STATUS),
                    io.metalkube.kubernetes.crd.BareMetalHostStatus.class).hardware != null);
            for (String secret : List.of(name + "-bmc", "m3m-" + name + "-user-data")) {
                clusterctl.copySecret(secret);
            }
            BareMetalHost copied = clusterctl.copyHost(name);
            assertThat(copied.getStatus() == null || copied.getStatus().provisioning == null).as("no status on create").isTrue();
        }
        System.out.println("status annotation copied with hardware details (MetalKube's backup won the race): " + carriesHardware);
        for (String name : HOSTS) {
            clusterctl.deleteHostFromSource(name);
            clusterctl.deleteSecretFromSource(name + "-bmc");
            clusterctl.deleteSecretFromSource("m3m-" + name + "-user-data");
        }
        await().atMost(Site.PATIENCE).until(() -> HOSTS.stream().allMatch(n -> sourceCapm3.getHost(n) == null));

        // the target's Cluster is unpaused: CAPM3 there removes its paused annotation
        Capm3 targetCapm3 = new Capm3(target, ns, CLUSTER);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> HOSTS.stream().allMatch(n -> targetCapm3.getHost(n).getStatus() == null
                        || targetCapm3.getHost(n).getStatus().provisioning == null));
        for (String name : HOSTS) {
            targetCapm3.removePauseAnnotation(name);
        }
        await().atMost(Site.PATIENCE).until(() -> HOSTS.stream().allMatch(targetCapm3::isBaremetalHostProvisioned)
                && HOSTS.stream().allMatch(targetCapm3::isPoweredOn));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> HOSTS.stream().allMatch(targetCapm3::isBaremetalHostProvisioned));

        for (String name : HOSTS) {
            BareMetalHost adopted = targetCapm3.getHost(name);
            assertThat(adopted.getStatus().provisioning.id).as("%s provisioning ID", name).isEqualTo(provisioningIds.get(name));
            assertThat(adopted.getStatus().errorMessage).as("%s errorMessage", name).isNullOrEmpty();
            assertThat(adopted.getSpec().consumerRef.name).isEqualTo("m3m-" + name);
            assertThat(adopted.getMetadata().getFinalizers()).as("the target operator holds %s", name)
                    .contains(io.metalkube.kubernetes.store.KubernetesHostStore.FINALIZER);
            assertThat(Capm3.annotations(adopted)).doesNotContainKey(Capm3.PAUSED);
            assertThat(dataCenter.writes(id(name))).as("%s: back-end writes caused by the move", name).isEqualTo(writes.get(name));
            assertThat(dataCenter.powerOffs(id(name))).as("%s powered off", name).isEqualTo(powerOffs.get(name));
            assertThat(dataCenter.poweredOn(id(name))).isTrue();
            assertThat(dataCenter.image(id(name))).isEqualTo("http://images.example/capm3.qcow2");
            if (carriesHardware.get(name)) {
                assertThat(Capm3.nodeAddresses(adopted)).as("%s: addresses from the moved hardware details", name)
                        .extracting(Capm3.Address::type).contains("InternalIP", "Hostname");
            }
        }
        assertThat(dataCenter.calls("deprovision")).as("deprovisioned anywhere").isEqualTo(deprovisions);
        assertThat(dataCenter.calls("inspect")).as("re-inspected").isEqualTo((long) HOSTS.size());
        assertThat(dataCenter.calls("provision")).as("re-provisioned").isEqualTo((long) HOSTS.size());
        assertThat(sourceOperator.backendCalls.get()).as("back-end calls of the source operator once its hosts were paused")
                .isEqualTo(sourceCallsWhenPaused);
        assertThat(targetOperator.backendCalls.get()).as("the target operator proved the moved credentials with reads").isPositive();
    }

    private void provisionThroughCapm3(Capm3 capm3, String name, int n) {
        source.secrets().inNamespace(ns).resource(Site.secret(ns, name + "-bmc", "admin", "pw-" + name)).create();
        BareMetalHost h = Site.host(ns, name, name + "-bmc", n, Map.of("host", name));
        h.getSpec().image = null;
        source.resources(BareMetalHost.class).inNamespace(ns).resource(h).create();
        String machine = "m3m-" + name;
        source.secrets().inNamespace(ns).resource(new SecretBuilder()
                .withMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(machine + "-user-data").build())
                .withData(Map.of("userData", Site.b64("#cloud-config\n"))).build()).create();
        Capm3.Metal3Machine m = new Capm3.Metal3Machine(machine, Capm3.INFRA_GROUP + "/v1beta1", UUID.randomUUID().toString(),
                Map.of("host", name), "http://images.example/capm3.qcow2", "http://images.example/capm3.qcow2.sha256sum", null,
                machine + "-user-data", null, null, null);
        await().atMost(Site.PATIENCE).until(() -> capm3.chooseHost(m).isPresent());
        capm3.associate(capm3.chooseHost(m).orElseThrow(), m);
    }

    private HostId id(String name) {
        return new HostId(ns, name);
    }
}
