package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.out.ConflictException;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.discovery.DiscoveredBmc;
import io.metalkube.domain.discovery.HostProposal;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.ConsumerRef;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.Effect;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.kubernetes.KubernetesPorts;
import io.metalkube.kubernetes.KubernetesSettings;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.crd.MachineSpec;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The ports without any controller: compare-and-set, write-if-changed, effects, events, conditions; on the CRUD mock
 * and on kube-lite.
 */
class KubernetesStoresTest {

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
        KubernetesClient client;
        KubernetesPorts ports;

        Suite(ApiServerBinding binding) {
            this.binding = binding;
        }

        @BeforeAll
        void start() {
            api = binding.open();
            client = api.client();
            ports = new KubernetesPorts(client, KubernetesSettings.defaults(), Clock.systemUTC());
        }

        @AfterAll
        void stop() {
            if (api != null) {
                api.close();
            }
        }

        Host newHost(String ns, String name) {
            return ports.hosts().createIfAbsent(Host.newHost(new HostId(ns, name), Map.of("role", "test"),
                    HostSpec.empty().withBmc(new BmcDetails("ipmi://192.0.2.1", name + "-bmc", false)))).orElseThrow();
        }

        @Test
        void specWritesAreCompareAndSetOnResourceVersion() {
            String ns = api.namespace("cas");
            Host read = newHost(ns, "h1");
            Host sameRead = ports.hosts().find(read.id()).orElseThrow();
            ConsumerRef a = new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", ns, "a");
            ConsumerRef b = new ConsumerRef("cluster.k8s.io/v1alpha1", "Machine", ns, "b");

            Host claimed = ports.hosts().compareAndSetSpec(read, read.spec().withConsumerRef(a));
            assertThat(claimed.spec().consumerRef()).isEqualTo(a);
            assertThat(claimed.revision()).isNotEqualTo(read.revision());
            assertThatThrownBy(() -> ports.hosts().compareAndSetSpec(sameRead, sameRead.spec().withConsumerRef(b)))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(ns + "/h1");
            assertThat(ports.hosts().find(read.id()).orElseThrow().spec().consumerRef()).isEqualTo(a);
            assertThat(client.resources(BareMetalHost.class).inNamespace(ns).withName("h1").get().getMetadata().getGeneration()).isEqualTo(2L);
        }

        @Test
        void statusIsWrittenOnlyWhenItChanges() {
            String ns = api.namespace("status");
            Host h = newHost(ns, "h1");
            HostStatus registering = HostStatus.initial().withState(ProvisioningState.REGISTERING);
            Host written = ports.hosts().writeStatus(h, registering);
            assertThat(written.status()).isEqualTo(registering);
            Host again = ports.hosts().writeStatus(written, registering);
            assertThat(again.revision()).as("no write for an unchanged status").isEqualTo(written.revision());

            BareMetalHost cr = client.resources(BareMetalHost.class).inNamespace(ns).withName("h1").get();
            assertThat(cr.getStatus().conditions).extracting(c -> c.getType() + "=" + c.getStatus())
                    .containsExactly("Ready=False", "Provisioned=False", "Healthy=Unknown", "Progressing=True", "Manageable=False", "AvailableForProvisioning=False");
            String healthySince = cr.getStatus().conditions.get(2).getLastTransitionTime();

            Host available = ports.hosts().writeStatus(again, registering.withState(ProvisioningState.AVAILABLE));
            assertThat(available.revision()).isNotEqualTo(again.revision());
            BareMetalHost after = client.resources(BareMetalHost.class).inNamespace(ns).withName("h1").get();
            assertThat(after.getStatus().conditions).extracting(c -> c.getType() + "=" + c.getStatus())
                    .containsExactly("Ready=False", "Provisioned=False", "Healthy=Unknown", "Progressing=False", "Manageable=True", "AvailableForProvisioning=True");
            assertThat(after.getStatus().conditions.get(2).getLastTransitionTime()).as("unchanged condition keeps its time").isEqualTo(healthySince);
            assertThat(after.getSpec().bmc.address).as("a status write leaves spec alone").isEqualTo("ipmi://192.0.2.1");
        }

        @Test
        void effectsClearOnlyTheAnnotationsTheyName() {
            String ns = api.namespace("fx");
            newHost(ns, "h1");
            client.resources(BareMetalHost.class).inNamespace(ns).withName("h1").edit(cr -> {
                cr.getMetadata().setAnnotations(new HashMap<>(Map.of(HostAnnotationCodec.REBOOT, "", HostAnnotationCodec.REBOOT_PREFIX + "ops", "",
                        HostAnnotationCodec.STATUS, "{}", "keep.example.com/x", "1")));
                return cr;
            });
            Host h = ports.hosts().find(new HostId(ns, "h1")).orElseThrow();
            ports.hosts().apply(h, List.of(Effect.CLEAR_ONCE_REBOOT, Effect.CLEAR_STATUS_BACKUP));
            assertThat(client.resources(BareMetalHost.class).inNamespace(ns).withName("h1").get().getMetadata().getAnnotations())
                    .containsOnlyKeys(HostAnnotationCodec.REBOOT_PREFIX + "ops", "keep.example.com/x");
        }

        @Test
        void createIfAbsentCreatesOnce() {
            Host h = Host.newHost(new HostId(api.namespace("create"), "h1"), Map.of(), HostSpec.empty());
            assertThat(ports.hosts().createIfAbsent(h)).isPresent();
            assertThat(ports.hosts().createIfAbsent(h)).isEmpty();
        }

        @Test
        void aDiscoveredHostLinkedToItsNodeKeepsTheLinkInTheStatusAnnotationUntilRestored() {
            DiscoveredBmc fromIronic = new DiscoveredBmc(BmcAddress.parse("ipmi://10.0.0.7"), "ironic", "Ironic node rack3-7", "1be26c0b-node");
            Host proposal = HostProposal.forBmc(fromIronic, api.namespace("create"), Map.of()).host();

            Host created = ports.hosts().createIfAbsent(proposal).orElseThrow();

            assertThat(created.annotations().statusBackup()).get().extracting(s -> s.provisioning().id()).isEqualTo("1be26c0b-node");
            assertThat(created.status().isEmpty()).as("a create cannot write status; the first reconcile restores it").isTrue();
        }

        @Test
        void listAllHonoursTheWatchedNamespaces() {
            String shardA = api.namespace("shard-a");
            String shardB = api.namespace("shard-b");
            newHost(shardA, "h1");
            newHost(shardB, "h1");
            var sharded = new KubernetesPorts(client, KubernetesSettings.defaults().withNamespaces(Set.of(shardA)), Clock.systemUTC());
            assertThat(sharded.hosts().listAll()).extracting(x -> x.id().namespace()).containsOnly(shardA);
            assertThat(ports.hosts().listAll()).extracting(x -> x.id().namespace()).contains(shardA, shardB);
        }

        @Test
        void eventsLinkToTheHost() {
            String ns = api.namespace("events");
            Host h = newHost(ns, "h1");
            ports.hosts().find(h.id());
            ports.events().publish(h.id(), HostEvent.warning("RegistrationError", "BMC refused the credentials"));
            // events are sent in the background (a reconcile never waits for one): wait for it
            await().atMost(Duration.ofSeconds(60)).until(() -> !client.v1().events().inNamespace(ns).list().getItems().isEmpty());
            var e = client.v1().events().inNamespace(ns).list().getItems().get(0);
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getReason()).isEqualTo("RegistrationError");
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("BareMetalHost");
            assertThat(e.getInvolvedObject().getUid()).isEqualTo(client.resources(BareMetalHost.class).inNamespace(ns).withName("h1").get().getMetadata().getUid());
        }

        @Test
        void aRepeatedEventRaisesTheCountOfOneEventThatNamesItsReportingControllerAndInstance() {
            String ns = api.namespace("events-repeat");
            Host h = newHost(ns, "h1");
            ports.hosts().find(h.id());
            for (int i = 0; i < 3; i++) {
                ports.events().publish(h.id(), HostEvent.warning("BackendUnavailable", "back-end not ready for inspect: ironic down"));
            }
            ports.events().publish(h.id(), HostEvent.normal("PowerOn", "host powered on"));

            // events are sent in the background: wait until the last write (PowerOn after the repeats) is there
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client.v1().events().inNamespace(ns).list().getItems())
                    .extracting(e -> e.getReason() + "x" + e.getCount()).containsExactlyInAnyOrder("BackendUnavailablex3", "PowerOnx1"));
            var repeated = client.v1().events().inNamespace(ns).list().getItems().stream()
                    .filter(e -> e.getReason().equals("BackendUnavailable")).findFirst().orElseThrow();
            assertThat(repeated.getMessage()).isEqualTo("back-end not ready for inspect: ironic down");
            assertThat(repeated.getLastTimestamp()).isGreaterThanOrEqualTo(repeated.getFirstTimestamp());
            assertThat(repeated.getReportingComponent()).isEqualTo(KubernetesSettings.defaults().operatorName());
            assertThat(repeated.getReportingInstance()).isNotBlank();
        }

        @Test
        void chosenHostIsRecordedWithCompareAndSetAndStatusOnlyWhenChanged() {
            Machine m = new Machine();
            String ns = api.namespace("machines");
            m.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName("m1").build());
            m.setSpec(new MachineSpec());
            client.resources(Machine.class).inNamespace(ns).resource(m).create();
            MachineView view = ports.machines().find(new MachineId(ns, "m1")).orElseThrow();
            MachineView stale = ports.machines().find(new MachineId(ns, "m1")).orElseThrow();

            MachineView chosen = ports.machines().recordChosenHost(view, new HostId(ns, "h7"));
            assertThat(chosen.chosenHost()).contains(new HostId(ns, "h7"));
            assertThat(ports.machines().find(view.id()).orElseThrow().chosenHost()).contains(new HostId(ns, "h7"));
            assertThatThrownBy(() -> ports.machines().recordChosenHost(stale, new HostId(ns, "h8")))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(ns + "/m1");

            MachineStatus status = new MachineStatus("h7", "Provisioning", List.of("192.0.2.7"), "", "");
            ports.machines().writeStatus(chosen, status);
            String rv = client.resources(Machine.class).inNamespace(ns).withName("m1").get().getMetadata().getResourceVersion();
            ports.machines().writeStatus(chosen, status);
            assertThat(client.resources(Machine.class).inNamespace(ns).withName("m1").get().getMetadata().getResourceVersion()).isEqualTo(rv);
            assertThat(ports.machines().find(view.id()).orElseThrow().status()).isEqualTo(status);
        }
    }
}
