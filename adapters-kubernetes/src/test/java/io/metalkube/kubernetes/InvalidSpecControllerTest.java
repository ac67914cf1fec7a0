package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.Event;
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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A host that bypassed the webhook with a spec it would have denied: reported in its status, nothing done until
 * fixed. On the CRUD mock and on kube-lite, with a problem both let through (an unknown inspectionMode); an unknown
 * bootMode reaches the controller only on the mock, a real API server's schema refuses it (RealServerBehavioursTest).
 */
class InvalidSpecControllerTest {

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
        final FixtureBackend backend = Site.instantBackend();
        TestApiServer api;
        Site.Instance site;
        Site.User user;
        String ns;

        Suite(ApiServerBinding binding) {
            this.binding = binding;
        }

        @BeforeAll
        void start() {
            api = binding.open();
            ns = api.namespace("invalid-spec");
            site = new Site.Instance(api, Site.settings("metalkube-invalid-spec", ns), backend).start();
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
        void anUnknownInspectionModeIsAnErrorWithNoBackEndCallUntilTheSpecIsFixed() {
            anInvalidValueIsAnErrorUntilFixed("inspection-0", s -> s.inspectionMode = "sloppy",
                    "spec.inspectionMode \"sloppy\" is not one of", s -> s.inspectionMode = null);
        }

        @Test
        void anUnknownBootModeIsAnErrorWithNoBackEndCallUntilTheSpecIsFixed() {
            assumeFalse(binding.real(), "only the CRUD mock stores an unknown spec.bootMode; a real API server's schema refuses "
                    + "it before any controller sees it (RealServerBehavioursTest.theSchemaRefusesWhatTheMockStores)");
            anInvalidValueIsAnErrorUntilFixed("bootmode-0", s -> s.bootMode = "BIOS-ish",
                    "spec.bootMode \"BIOS-ish\" is not one of", s -> s.bootMode = "UEFI");
        }

        private void anInvalidValueIsAnErrorUntilFixed(String name, Consumer<io.metalkube.kubernetes.crd.BareMetalHostSpec> breakIt,
                                                       String expected, Consumer<io.metalkube.kubernetes.crd.BareMetalHostSpec> fix) {
            HostId id = new HostId(ns, name);
            user.client().secrets().inNamespace(ns).resource(Site.secret(ns, name + "-bmc", "admin", "pw")).create();
            BareMetalHost h = Site.host(ns, name, name + "-bmc", 40, Map.of());
            breakIt.accept(h.getSpec());
            user.client().resources(BareMetalHost.class).inNamespace(ns).resource(h).create();

            await().atMost(Site.PATIENCE).until(() -> {
                var s = user.host(name).getStatus();
                return s != null && s.errorType != null;
            });
            var status = user.host(name).getStatus();
            assertThat(status.errorType).isEqualTo("registration error");
            assertThat(status.errorMessage).startsWith("spec is invalid (fix it to continue): " + expected);
            assertThat(status.operationalStatus).isEqualTo("error");
            assertThat(status.errorCount).isEqualTo(1);
            await().atMost(Site.PATIENCE).untilAsserted(() -> assertThat(invalidSpecEvents(name)).singleElement()
                    .satisfies(e -> assertThat(e.getMessage()).isEqualTo(status.errorMessage)));

            // another reconcile (an annotation change) with the same problem: no second write, no second event
            user.annotate(name, "example.com/note", "reconcile me");
            await().during(Duration.ofSeconds(2)).atMost(Site.PATIENCE).until(() -> {
                var s = user.host(name).getStatus();
                return s.errorCount == 1 && invalidSpecEvents(name).size() == 1;
            });
            assertThat(backend.isRegistered(id)).as("the back end was never asked to register the host").isFalse();

            user.edit(name, c -> fix.accept(c.getSpec()));
            await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state(name)));
            var fixed = user.host(name).getStatus();
            assertThat(fixed.errorType).isNull();
            assertThat(fixed.operationalStatus).isEqualTo("OK");
            assertThat(backend.isRegistered(id)).isTrue();
        }

        @Test
        void aProvisionedHostGetsAProvisionedRegistrationErrorAndAChangedProblemIsCountedAgain() {
            user.createHost("image-0", 41, Map.of());
            await().atMost(Site.PATIENCE).until(() -> "available".equals(user.state("image-0")));
            user.edit("image-0", c -> c.getSpec().externallyProvisioned = true);
            await().atMost(Site.PATIENCE).until(() -> "externally provisioned".equals(user.state("image-0")));

            user.edit("image-0", c -> c.getSpec().inspectionMode = "always");
            await().atMost(Site.PATIENCE).until(() -> user.host("image-0").getStatus().errorType != null);
            var first = user.host("image-0").getStatus();
            assertThat(first.errorType).isEqualTo("provisioned registration error");
            assertThat(first.errorMessage).contains("spec.inspectionMode \"always\"");
            assertThat(first.errorCount).isEqualTo(1);

            user.edit("image-0", c -> c.getSpec().inspectionMode = "sometimes");
            await().atMost(Site.PATIENCE).until(() -> user.host("image-0").getStatus().errorMessage.contains("sometimes"));
            assertThat(user.host("image-0").getStatus().errorCount).isEqualTo(2);
            // the event is published after the status write: wait for it rather than race it
            await().atMost(Site.PATIENCE).until(() -> invalidSpecEvents("image-0").size() == 2);
            assertThat(user.state("image-0")).isEqualTo("externally provisioned");
        }

        @Test
        void aPausedHostWithAnInvalidSpecIsLeftAlone() {
            user.client().secrets().inNamespace(ns).resource(Site.secret(ns, "paused-bad-0-bmc", "admin", "pw")).create();
            BareMetalHost h = Site.host(ns, "paused-bad-0", "paused-bad-0-bmc", 42, Map.of());
            h.getSpec().inspectionMode = "sloppy";
            h.getMetadata().setAnnotations(Map.of(HostAnnotationCodec.PAUSED, ""));
            user.client().resources(BareMetalHost.class).inNamespace(ns).resource(h).create();

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> {
                var s = user.host("paused-bad-0").getStatus();
                return (s == null || s.errorType == null) && invalidSpecEvents("paused-bad-0").isEmpty();
            });
        }

        private List<Event> invalidSpecEvents(String host) {
            return user.events().stream()
                    .filter(e -> host.equals(e.getInvolvedObject().getName()) && "InvalidSpec".equals(e.getReason())
                            && "Warning".equals(e.getType()))
                    .toList();
        }
    }
}
