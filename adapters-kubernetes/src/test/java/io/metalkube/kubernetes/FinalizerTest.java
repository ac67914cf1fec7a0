package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import io.metalkube.kubernetes.store.KubernetesHostStore;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who holds a BareMetalHost's finalizer. Issue 11 item 4: a host that arrives with metal3's finalizer
 * ({@code baremetalhost.metal3.io}) is adopted, so deleting it completes. Issue 13: a paused host never gets our
 * finalizer back, so {@code clusterctl move}'s pause, remove finalizers, delete sequence can delete it from the source
 * cluster, and nothing is deprovisioned or powered off there.
 */
class FinalizerTest {

    static final String METAL3_FINALIZER = "baremetalhost.metal3.io";

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

    abstract static class Suite extends ApiServerSuite {

        Suite(ApiServerBinding binding) {
            super(binding);
        }

        @Test
        void aHostAsMetal3LeftItIsAdoptedAndItsDeletionCompletes() {
            String ns = api.namespace("metal3-left");
            Site.User user = new Site.User(client, ns);
            FixtureBackend backend = Site.instantBackend();
            try (Site.Instance site = new Site.Instance(api, Site.settings("metalkube-adopt", ns), backend).start()) {
                createAsMetal3LeftIt(ns, "left-0", 130, backend);
                await().atMost(Site.PATIENCE).until(() -> List.of(KubernetesHostStore.FINALIZER)
                        .equals(user.host("left-0").getMetadata().getFinalizers()));
                await().atMost(Site.PATIENCE).until(() -> "provisioned".equals(user.state("left-0")));

                client.resources(BareMetalHost.class).inNamespace(ns).withName("left-0").delete();

                awaitGone(user, "left-0");
            }
        }

        @Test
        void aHostDeletedWhileOnlyMetal3sFinalizerWasOnItIsCleanedUpAndGoes() {
            String ns = api.namespace("metal3-deleted");
            Site.User user = new Site.User(client, ns);
            FixtureBackend backend = Site.instantBackend();
            HostId id = new HostId(ns, "gone-0");
            createAsMetal3LeftIt(ns, "gone-0", 131, backend);
            client.resources(BareMetalHost.class).inNamespace(ns).withName("gone-0").delete();
            assertThat(user.host("gone-0").getMetadata().getDeletionTimestamp()).as("held by metal3's finalizer").isNotNull();

            try (Site.Instance site = new Site.Instance(api, Site.settings("metalkube-adopt-deleted", ns), backend).start()) {
                awaitGone(user, "gone-0");
            }
            assertThat(backend.calls("deprovision")).as("deprovisioned before it went").isPositive();
            assertThat(backend.isRegistered(id)).as("and removed from the back-end").isFalse();
        }

        /**
         * Issue 14: the finalizer goes on just before a host's first back-end call, not when the host is first seen. A
         * thousand hosts created at once used to spend the first 50 s of the client's 20 requests/s on finalizers while
         * no host registered; a host that never reached the back-end has nothing to clean up, so deleting it is
         * immediate.
         */
        @Test
        void theFinalizerGoesOnJustBeforeTheFirstBackEndCall() {
            String ns = api.namespace("first-call");
            Site.User user = new Site.User(client, ns);
            FixtureBackend backend = Site.instantBackend();
            HostId waiting = new HostId(ns, "no-secret-0");
            try (Site.Instance site = new Site.Instance(api, Site.settings("metalkube-first-call", ns), backend).start()) {
                client.resources(BareMetalHost.class).inNamespace(ns)
                        .resource(Site.host(ns, "no-secret-0", "no-secret-0-bmc", 133, Map.of())).create();
                await().atMost(Site.PATIENCE).until(() -> user.host("no-secret-0").getStatus() != null
                        && user.host("no-secret-0").getStatus().errorMessage != null
                        && !user.host("no-secret-0").getStatus().errorMessage.isEmpty());
                assertThat(backend.isRegistered(waiting)).as("no back-end call without credentials").isFalse();
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThat(user.host("no-secret-0").getMetadata().getFinalizers())
                                .as("no finalizer before the first back-end call").isNullOrEmpty());

                client.resources(BareMetalHost.class).inNamespace(ns).withName("no-secret-0").delete();
                assertThat(user.host("no-secret-0")).as("nothing to clean up: deleted at once").isNull();

                user.createHost("first-call-0", 134, Map.of());
                await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("first-call-0")));
                assertThat(user.host("first-call-0").getMetadata().getFinalizers()).containsExactly(KubernetesHostStore.FINALIZER);
                client.resources(BareMetalHost.class).inNamespace(ns).withName("first-call-0").delete();
                awaitGone(user, "first-call-0");
                assertThat(backend.isRegistered(new HostId(ns, "first-call-0"))).as("removed from the back-end before it went").isFalse();
            }
        }

        @Test
        void aPausedHostDoesNotGetOurFinalizerBackSoClusterctlMoveCanDeleteIt() {
            String ns = api.namespace("move-source");
            Site.User user = new Site.User(client, ns);
            FixtureBackend backend = Site.instantBackend();
            try (Site.Instance site = new Site.Instance(api, Site.settings("metalkube-move-source", ns), backend).start()) {
                user.createHost("moving-0", 132, Map.of());
                user.edit("moving-0", h -> h.getSpec().online = true);
                await().atMost(Site.PATIENCE).until(() -> "provisioned".equals(user.state("moving-0"))
                        && Boolean.TRUE.equals(user.host("moving-0").getStatus().poweredOn));
                HostId id = new HostId(ns, "moving-0");
                long powerOffs = backend.powerOffs(id);
                long deprovisions = backend.calls("deprovision");

                // clusterctl move: pause, remove the finalizers, delete
                user.annotate("moving-0", HostAnnotationCodec.PAUSED, "metal3.io/capm3");
                await().atMost(Site.PATIENCE).until(() -> user.host("moving-0").getMetadata().getAnnotations()
                        .containsKey(HostAnnotationCodec.STATUS));
                client.resources(BareMetalHost.class).inNamespace(ns).withName("moving-0")
                        .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> {
                    List<String> finalizers = user.host("moving-0").getMetadata().getFinalizers();
                    return finalizers == null || finalizers.isEmpty();
                });
                client.resources(BareMetalHost.class).inNamespace(ns).withName("moving-0").delete();

                awaitGone(user, "moving-0");
                assertThat(backend.powerOffs(id)).as("powered off in the source cluster").isEqualTo(powerOffs);
                assertThat(backend.calls("deprovision")).as("deprovisioned in the source cluster").isEqualTo(deprovisions);
                assertThat(backend.poweredOn(id)).isTrue();
            }
        }

        /** Waits for the host to be gone; if it stays, says how it looks and what events it got. */
        private void awaitGone(Site.User user, String name) {
            try {
                await().atMost(Site.PATIENCE).until(() -> user.host(name) == null);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(name + " was not deleted on " + binding + ":\n"
                        + client.getKubernetesSerialization().asYaml(user.host(name)) + "events: "
                        + user.events().stream().map(ev -> ev.getReason() + ": " + ev.getMessage()).toList(), e);
            }
        }

        /**
         * A provisioned host as metal3's operator leaves it: its finalizer, a status, and the status annotation; and the
         * back-end metal3 used (its Ironic, which MetalKube takes over) still knows it.
         */
        private void createAsMetal3LeftIt(String ns, String name, int n, FixtureBackend backend) {
            backend.register(new Operation.Register(new BackendTarget(new HostId(ns, name), "", BmcAddress.parse("ipmi://192.0.2." + n),
                    BmcCredentials.of("admin", "pw"), "", false), null, ProvisioningState.PROVISIONED, null, null));
            String statusJson = """
                    {"operationalStatus":"OK","errorMessage":"","errorCount":0,"poweredOn":true,
                     "provisioning":{"state":"provisioned","ID":"metal3-%s","image":{"url":"http://images.example/os.qcow2",
                       "checksum":"http://images.example/os.qcow2.md5sum"}},
                     "goodCredentials":{"credentials":{"name":"%s-bmc","namespace":"%s"},"credentialsVersion":"1"}}
                    """.formatted(name, name, ns);
            client.secrets().inNamespace(ns).resource(Site.secret(ns, name + "-bmc", "admin", "pw")).create();
            BareMetalHost h = Site.host(ns, name, name + "-bmc", n, Map.of());
            h.getSpec().online = true;
            h.getMetadata().setFinalizers(List.of(METAL3_FINALIZER));
            h.getMetadata().setAnnotations(Map.of(HostAnnotationCodec.STATUS, statusJson));
            client.resources(BareMetalHost.class).inNamespace(ns).resource(h).create();
            BareMetalHostStatus status = client.getKubernetesSerialization().unmarshal(statusJson, BareMetalHostStatus.class);
            new Site.User(client, ns).editStatus(name, c -> c.setStatus(status));
        }
    }
}
