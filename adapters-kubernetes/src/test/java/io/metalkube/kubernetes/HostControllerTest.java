package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import io.metalkube.kubernetes.testing.ApiServerBinding;
import io.metalkube.kubernetes.testing.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The BareMetalHost controller: Secrets, namespaces, annotations, status backup; on the CRUD mock and on kube-lite. */
class HostControllerTest {

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
        Site.Instance site;
        final FixtureBackend backend = Site.instantBackend();
        Site.User user;
        String ns;

        Suite(ApiServerBinding binding) {
            this.binding = binding;
        }

        @BeforeAll
        void start() {
            api = binding.open();
            ns = api.namespace("hosts");
            site = new Site.Instance(api, Site.settings("metalkube-hosts", ns), backend).start();
            user = new Site.User(api.client(), ns);
        }

        @AfterAll
        void stop() {
            if (site != null) {
                site.close();
            }
            if (api != null) {
                api.close();
            }
        }

        @Test
        void aChangedCredentialsSecretTriggersReRegistration() {
            user.createHost("rotate-0", 50, Map.of());
            await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("rotate-0")));
            Secret before = user.client().secrets().inNamespace(ns).withName("rotate-0-bmc").get();
            assertThat(before.getMetadata().getLabels()).containsEntry("environment.metal3.io", "baremetal");
            long registrations = backend.calls("register");

            before.getData().put("password", Site.b64("rotated"));
            Secret after = user.client().secrets().inNamespace(ns).resource(before).update();

            await().atMost(Site.PATIENCE).until(() -> {
                var good = user.host("rotate-0").getStatus().goodCredentials;
                return good != null && after.getMetadata().getResourceVersion().equals(good.credentialsVersion);
            });
            assertThat(backend.calls("register")).isGreaterThan(registrations);
            assertThat(user.state("rotate-0")).isEqualTo("available");
            assertThat(site.ports.credentials().lookup(new HostId(ns, "rotate-0"), "rotate-0-bmc"))
                    .as("a labelled Secret read while the operator runs: its changes come by watch, no polling")
                    .isInstanceOfSatisfying(io.metalkube.domain.lifecycle.CredentialsCheck.Found.class, f -> assertThat(f.watched()).isTrue());
        }

        @Test
        void aCrossNamespaceCredentialsReferenceIsRefusedWithoutReadingTheSecret() {
            String other = api.namespace("other");
            user.client().secrets().inNamespace(other).resource(Site.secret(other, "stolen", "admin", "pw")).create();
            user.client().resources(BareMetalHost.class).inNamespace(ns)
                    .resource(Site.host(ns, "sneaky-0", other + "/stolen", 60, Map.of())).create();

            await().atMost(Site.PATIENCE).until(() -> {
                var s = user.host("sneaky-0").getStatus();
                return s != null && "registration error".equals(s.errorType);
            });
            var status = user.host("sneaky-0").getStatus();
            assertThat(status.errorMessage).contains("cross-namespace").contains("own namespace " + ns);
            assertThat(status.operationalStatus).isEqualTo("error");
            assertThat(user.client().secrets().inNamespace(other).withName("stolen").get().getMetadata().getLabels())
                    .as("the Secret in the other namespace was never touched").doesNotContainKey("environment.metal3.io");
            assertThat(backend.isRegistered(new HostId(ns, "sneaky-0"))).isFalse();
        }

        @Test
        void statusIsRestoredFromTheBackupAnnotationWhenEmpty() {
            String backup = """
                    {"operationalStatus":"OK","errorMessage":"","errorCount":0,"poweredOn":false,
                     "provisioning":{"state":"available","ID":"fixture-%s-moved-0"},
                     "goodCredentials":{"credentials":{"name":"moved-0-bmc","namespace":"%s"},"credentialsVersion":"1"},
                     "hardware":{"ramMebibytes":4096,"nics":[{"name":"eno1","mac":"52:54:00:00:00:01","ip":"192.0.2.99"}]}}
                    """.formatted(ns, ns);
            user.client().secrets().inNamespace(ns).resource(Site.secret(ns, "moved-0-bmc", "admin", "pw")).create();
            BareMetalHost h = Site.host(ns, "moved-0", "moved-0-bmc", 70, Map.of());
            h.getMetadata().setAnnotations(Map.of(HostAnnotationCodec.STATUS, backup));
            user.client().resources(BareMetalHost.class).inNamespace(ns).resource(h).create();

            await().atMost(Site.PATIENCE).until(() -> {
                BareMetalHost now = user.host("moved-0");
                return now.getMetadata().getAnnotations() == null || !now.getMetadata().getAnnotations().containsKey(HostAnnotationCodec.STATUS);
            });
            BareMetalHost restored = user.host("moved-0");
            assertThat(restored.getStatus().hardware.ramMebibytes).as("restored hardware, not re-inspected").isEqualTo(4096);
            assertThat(restored.getStatus().hardware.nics.get(0).ip).isEqualTo("192.0.2.99");
            await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("moved-0")));
        }

        @Test
        void aPausedHostIsLeftAloneAndItsStatusIsBackedUp() {
            user.createHost("paused-0", 80, Map.of());
            await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("paused-0")));
            long registrations = backend.calls("register");
            user.annotate("paused-0", HostAnnotationCodec.PAUSED, "metal3.io/capm3");
            await().atMost(Site.PATIENCE).until(() -> user.host("paused-0").getMetadata().getAnnotations()
                    .containsKey(HostAnnotationCodec.STATUS));
            String backup = user.host("paused-0").getMetadata().getAnnotations().get(HostAnnotationCodec.STATUS);
            assertThat(backup).contains("\"state\":\"available\"");

            Secret s = user.client().secrets().inNamespace(ns).withName("paused-0-bmc").get();
            s.getData().put("password", Site.b64("changed-while-paused"));
            user.client().secrets().inNamespace(ns).resource(s).update();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> backend.calls("register") == registrations);
        }

        @Test
        void malformedAnnotationsAreReportedAsWarningEvents() {
            user.createHost("garbled-0", 90, Map.of());
            await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("garbled-0")));
            user.annotate("garbled-0", HostAnnotationCodec.HARDWARE_DETAILS, "{not json");
            await().atMost(Site.PATIENCE).until(() -> user.events().stream()
                    .anyMatch(e -> "garbled-0".equals(e.getInvolvedObject().getName()) && "InvalidAnnotation".equals(e.getReason())
                            && "Warning".equals(e.getType()) && e.getMessage().contains(HostAnnotationCodec.HARDWARE_DETAILS)));
        }
    }
}
