package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The BareMetalHost controller against the CRUD mock: Secrets, namespaces, annotations, status backup. */
class HostControllerTest {

    static EmbeddedApiServer api;
    static Site.Instance site;
    static FixtureBackend backend = Site.instantBackend();
    static io.fabric8.kubernetes.client.KubernetesClient client;

    @BeforeAll
    static void start() {
        api = EmbeddedApiServer.start();
        site = new Site.Instance(api, Site.settings("metalkube-hosts"), backend).start();
        client = api.client();
    }

    @AfterAll
    static void stop() {
        site.close();
        api.close();
    }

    @Test
    void aChangedCredentialsSecretTriggersReRegistration() {
        Site.createHost(client, "rotate-0", 50, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(Site.state(Site.host(client, "rotate-0"))));
        Secret before = client.secrets().inNamespace(Site.NS).withName("rotate-0-bmc").get();
        assertThat(before.getMetadata().getLabels()).containsEntry("environment.metal3.io", "baremetal");
        long registrations = backend.calls("register");

        before.getData().put("password", Site.b64("rotated"));
        Secret after = client.secrets().inNamespace(Site.NS).resource(before).update();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var good = Site.host(client, "rotate-0").getStatus().goodCredentials;
            return good != null && after.getMetadata().getResourceVersion().equals(good.credentialsVersion);
        });
        assertThat(backend.calls("register")).isGreaterThan(registrations);
        assertThat(Site.state(Site.host(client, "rotate-0"))).isEqualTo("available");
    }

    @Test
    void aCrossNamespaceCredentialsReferenceIsRefusedWithoutReadingTheSecret() {
        client.secrets().inNamespace("other").resource(Site.secret("other", "stolen", "admin", "pw")).create();
        client.resources(BareMetalHost.class).inNamespace(Site.NS)
                .resource(Site.host(Site.NS, "sneaky-0", "other/stolen", 60, Map.of())).create();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var s = Site.host(client, "sneaky-0").getStatus();
            return s != null && "registration error".equals(s.errorType);
        });
        var status = Site.host(client, "sneaky-0").getStatus();
        assertThat(status.errorMessage).contains("cross-namespace").contains("own namespace default");
        assertThat(status.operationalStatus).isEqualTo("error");
        assertThat(client.secrets().inNamespace("other").withName("stolen").get().getMetadata().getLabels())
                .as("the Secret in the other namespace was never touched").doesNotContainKey("environment.metal3.io");
        assertThat(backend.isRegistered(new HostId(Site.NS, "sneaky-0"))).isFalse();
    }

    @Test
    void statusIsRestoredFromTheBackupAnnotationWhenEmpty() {
        String backup = """
                {"operationalStatus":"OK","errorMessage":"","errorCount":0,"poweredOn":false,
                 "provisioning":{"state":"available","ID":"fixture-default-moved-0"},
                 "goodCredentials":{"credentials":{"name":"moved-0-bmc","namespace":"default"},"credentialsVersion":"1"},
                 "hardware":{"ramMebibytes":4096,"nics":[{"name":"eno1","mac":"52:54:00:00:00:01","ip":"192.0.2.99"}]}}
                """;
        client.secrets().inNamespace(Site.NS).resource(Site.secret(Site.NS, "moved-0-bmc", "admin", "pw")).create();
        BareMetalHost h = Site.host(Site.NS, "moved-0", "moved-0-bmc", 70, Map.of());
        h.getMetadata().setAnnotations(Map.of(HostAnnotationCodec.STATUS, backup));
        client.resources(BareMetalHost.class).inNamespace(Site.NS).resource(h).create();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            BareMetalHost now = Site.host(client, "moved-0");
            return now.getMetadata().getAnnotations() == null || !now.getMetadata().getAnnotations().containsKey(HostAnnotationCodec.STATUS);
        });
        BareMetalHost restored = Site.host(client, "moved-0");
        assertThat(restored.getStatus().hardware.ramMebibytes).as("restored hardware, not re-inspected").isEqualTo(4096);
        assertThat(restored.getStatus().hardware.nics.get(0).ip).isEqualTo("192.0.2.99");
        await().atMost(Duration.ofSeconds(10)).until(() -> "available".equals(Site.state(Site.host(client, "moved-0"))));
    }

    @Test
    void aPausedHostIsLeftAloneAndItsStatusIsBackedUp() {
        Site.createHost(client, "paused-0", 80, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(Site.state(Site.host(client, "paused-0"))));
        long registrations = backend.calls("register");
        Site.annotate(client, Site.NS, "paused-0", HostAnnotationCodec.PAUSED, "metal3.io/capm3");
        await().atMost(Duration.ofSeconds(10)).until(() -> Site.host(client, "paused-0").getMetadata().getAnnotations()
                .containsKey(HostAnnotationCodec.STATUS));
        String backup = Site.host(client, "paused-0").getMetadata().getAnnotations().get(HostAnnotationCodec.STATUS);
        assertThat(backup).contains("\"state\":\"available\"");

        Secret s = client.secrets().inNamespace(Site.NS).withName("paused-0-bmc").get();
        s.getData().put("password", Site.b64("changed-while-paused"));
        client.secrets().inNamespace(Site.NS).resource(s).update();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> backend.calls("register") == registrations);
    }

    @Test
    void malformedAnnotationsAreReportedAsWarningEvents() {
        Site.createHost(client, "garbled-0", 90, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(Site.state(Site.host(client, "garbled-0"))));
        Site.annotate(client, Site.NS, "garbled-0", HostAnnotationCodec.HARDWARE_DETAILS, "{not json");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.v1().events().inNamespace(Site.NS).list().getItems().stream()
                .anyMatch(e -> "garbled-0".equals(e.getInvolvedObject().getName()) && "InvalidAnnotation".equals(e.getReason())
                        && "Warning".equals(e.getType()) && e.getMessage().contains(HostAnnotationCodec.HARDWARE_DETAILS)));
    }
}
