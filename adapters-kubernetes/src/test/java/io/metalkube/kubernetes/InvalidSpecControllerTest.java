package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.Event;
import io.metalkube.application.fake.FixtureBackend;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A host that bypassed the webhook with a spec it would have denied: reported in its status, nothing done until fixed. */
class InvalidSpecControllerTest {

    static EmbeddedApiServer api;
    static Site.Instance site;
    static FixtureBackend backend = Site.instantBackend();
    static io.fabric8.kubernetes.client.KubernetesClient client;

    @BeforeAll
    static void start() {
        api = EmbeddedApiServer.start();
        site = new Site.Instance(api, Site.settings("metalkube-invalid-spec"), backend).start();
        client = api.client();
    }

    @AfterAll
    static void stop() {
        site.close();
        api.close();
    }

    @Test
    void anUnknownBootModeIsAnErrorWithNoBackEndCallUntilTheSpecIsFixed() {
        HostId id = new HostId(Site.NS, "bootmode-0");
        client.secrets().inNamespace(Site.NS).resource(Site.secret(Site.NS, "bootmode-0-bmc", "admin", "pw")).create();
        BareMetalHost h = Site.host(Site.NS, "bootmode-0", "bootmode-0-bmc", 40, Map.of());
        h.getSpec().bootMode = "BIOS-ish";
        client.resources(BareMetalHost.class).inNamespace(Site.NS).resource(h).create();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var s = Site.host(client, "bootmode-0").getStatus();
            return s != null && s.errorType != null;
        });
        var status = Site.host(client, "bootmode-0").getStatus();
        assertThat(status.errorType).isEqualTo("registration error");
        assertThat(status.errorMessage).startsWith("spec is invalid (fix it to continue): spec.bootMode \"BIOS-ish\" is not one of");
        assertThat(status.operationalStatus).isEqualTo("error");
        assertThat(status.errorCount).isEqualTo(1);
        assertThat(invalidSpecEvents("bootmode-0")).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).isEqualTo(status.errorMessage));

        // another reconcile (an annotation change) with the same problem: no second write, no second event
        Site.annotate(client, Site.NS, "bootmode-0", "example.com/note", "reconcile me");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
            var s = Site.host(client, "bootmode-0").getStatus();
            return s.errorCount == 1 && invalidSpecEvents("bootmode-0").size() == 1;
        });
        assertThat(backend.isRegistered(id)).as("the back end was never asked to register the host").isFalse();

        Site.edit(client, Site.NS, "bootmode-0", c -> c.getSpec().bootMode = "UEFI");
        await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(Site.state(Site.host(client, "bootmode-0"))));
        var fixed = Site.host(client, "bootmode-0").getStatus();
        assertThat(fixed.errorType).isNull();
        assertThat(fixed.operationalStatus).isEqualTo("OK");
        assertThat(backend.isRegistered(id)).isTrue();
    }

    @Test
    void aProvisionedHostGetsAProvisionedRegistrationErrorAndAChangedProblemIsCountedAgain() {
        Site.createHost(client, "image-0", 41, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> "available".equals(Site.state(Site.host(client, "image-0"))));
        Site.edit(client, Site.NS, "image-0", c -> c.getSpec().externallyProvisioned = true);
        await().atMost(Duration.ofSeconds(20)).until(() -> "externally provisioned".equals(Site.state(Site.host(client, "image-0"))));

        Site.edit(client, Site.NS, "image-0", c -> c.getSpec().automatedCleaningMode = "always");
        await().atMost(Duration.ofSeconds(10)).until(() -> Site.host(client, "image-0").getStatus().errorType != null);
        var first = Site.host(client, "image-0").getStatus();
        assertThat(first.errorType).isEqualTo("provisioned registration error");
        assertThat(first.errorMessage).contains("spec.automatedCleaningMode \"always\"");
        assertThat(first.errorCount).isEqualTo(1);

        Site.edit(client, Site.NS, "image-0", c -> c.getSpec().automatedCleaningMode = "sometimes");
        await().atMost(Duration.ofSeconds(10)).until(() -> Site.host(client, "image-0").getStatus().errorMessage.contains("sometimes"));
        assertThat(Site.host(client, "image-0").getStatus().errorCount).isEqualTo(2);
        // the event is published after the status write: wait for it rather than race it
        await().atMost(Duration.ofSeconds(10)).until(() -> invalidSpecEvents("image-0").size() == 2);
        assertThat(Site.state(Site.host(client, "image-0"))).isEqualTo("externally provisioned");
    }

    @Test
    void aPausedHostWithAnInvalidSpecIsLeftAlone() {
        client.secrets().inNamespace(Site.NS).resource(Site.secret(Site.NS, "paused-bad-0-bmc", "admin", "pw")).create();
        BareMetalHost h = Site.host(Site.NS, "paused-bad-0", "paused-bad-0-bmc", 42, Map.of());
        h.getSpec().bootMode = "BIOS-ish";
        h.getMetadata().setAnnotations(Map.of(HostAnnotationCodec.PAUSED, ""));
        client.resources(BareMetalHost.class).inNamespace(Site.NS).resource(h).create();

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
            var s = Site.host(client, "paused-bad-0").getStatus();
            return (s == null || s.errorType == null) && invalidSpecEvents("paused-bad-0").isEmpty();
        });
    }

    private static List<Event> invalidSpecEvents(String host) {
        return client.v1().events().inNamespace(Site.NS).list().getItems().stream()
                .filter(e -> host.equals(e.getInvolvedObject().getName()) && "InvalidSpec".equals(e.getReason())
                        && "Warning".equals(e.getType()))
                .toList();
    }
}
