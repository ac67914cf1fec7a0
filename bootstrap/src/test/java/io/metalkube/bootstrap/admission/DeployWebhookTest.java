package io.metalkube.bootstrap.admission;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.metalkube.bootstrap.admission.WebhookManifests.at;
import static io.metalkube.bootstrap.admission.WebhookManifests.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** deploy/webhook holds together: configuration, Service, Deployment patch, certificate and the operator's paths. */
class DeployWebhookTest {

    @Test
    void bothWebhooksFailClosedHaveNoSideEffectsSpeakV1AndCallTheOperatorsPaths() {
        Map<String, Object> config = load("validatingwebhookconfiguration.yaml");
        List<?> webhooks = (List<?>) config.get("webhooks");
        assertThat(webhooks).hasSize(2);
        assertThat(webhooks).extracting(w -> at(w, "clientConfig", "service", "path"))
                .containsExactly(AdmissionController.HOST_PATH, AdmissionController.MACHINE_PATH);
        assertThat(webhooks).extracting(w -> at(w, "rules", 0, "resources", 0)).containsExactly("baremetalhosts", "machines");
        for (Object w : webhooks) {
            assertThat(at(w, "failurePolicy")).isEqualTo("Fail");
            assertThat(at(w, "sideEffects")).isEqualTo("None");
            assertThat(at(w, "admissionReviewVersions")).isEqualTo(List.of("v1"));
            assertThat(at(w, "rules", 0, "operations")).isEqualTo(List.of("CREATE", "UPDATE"));
            assertThat(at(w, "clientConfig", "service", "name")).isEqualTo(at(load("service.yaml"), "metadata", "name"));
            assertThat(at(w, "clientConfig", "service", "port")).isEqualTo(at(load("service.yaml"), "spec", "ports", 0, "port"));
        }
    }

    @Test
    void theServiceReachesTheTlsPortTheOperatorListensOn() {
        Map<String, String> settings = WebhookManifests.shippedSettings();
        Object container = at(load("deployment-patch.yaml"), "spec", "template", "spec", "containers", 0);
        assertThat(at(container, "ports", 0, "name")).isEqualTo(at(load("service.yaml"), "spec", "ports", 0, "targetPort"));
        assertThat(String.valueOf(at(container, "ports", 0, "containerPort"))).isEqualTo(settings.get("micronaut.server.ssl.port"));
        assertThat(settings).containsEntry("metalkube.webhook.enabled", "true").containsEntry("micronaut.server.ssl.enabled", "true")
                .containsEntry("micronaut.server.dual-protocol", "true");
        assertThat(String.valueOf(at(container, "env", 0, "value"))).as("the base settings file is still read")
                .contains("/etc/metalkube/config/metalkube.yml").contains("/etc/metalkube/webhook-config/webhook.yml");
    }

    @Test
    void certManagerIssuesTheMountedSecretForTheServiceNameAndInjectsItsCa() {
        Map<String, Object> certificate = load("cert-manager/certificate.yaml");
        Object patch = at(load("deployment-patch.yaml"), "spec", "template", "spec");
        List<?> volumes = (List<?>) at(patch, "volumes");
        assertThat(volumes).extracting(v -> at(v, "secret") == null ? null : at(v, "secret", "secretName"))
                .contains(at(certificate, "spec", "secretName"));
        String service = at(load("service.yaml"), "metadata", "name") + "." + at(load("service.yaml"), "metadata", "namespace") + ".svc";
        assertThat(String.valueOf(at(certificate, "spec", "dnsNames"))).contains(service + ",");
        assertThat(at(load("validatingwebhookconfiguration.yaml"), "metadata", "annotations", "cert-manager.io/inject-ca-from"))
                .isEqualTo(at(certificate, "metadata", "namespace") + "/" + at(certificate, "metadata", "name"));
        assertThat(at(certificate, "spec", "issuerRef", "name")).isEqualTo(at(load("cert-manager/issuer.yaml"), "metadata", "name"));
    }

    @Test
    void theBaseWithBothComponentsRendersWithKubectl() throws Exception {
        Path kubectl = Path.of("/usr/bin/kubectl");
        assumeThat(Files.isExecutable(kubectl)).as("kubectl installed").isTrue();
        Path overlay = Files.createTempDirectory("metalkube-webhook-overlay");
        try {
            Path deploy = WebhookManifests.dir().getParent().toRealPath();
            overlay = overlay.toRealPath();
            Files.writeString(overlay.resolve("kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    resources: [%s]
                    components: [%s, %s]
                    """.formatted(overlay.relativize(deploy), overlay.relativize(deploy.resolve("webhook")),
                    overlay.relativize(deploy.resolve("webhook/cert-manager"))));
            Process p = new ProcessBuilder(kubectl.toString(), "kustomize", "--load-restrictor", "LoadRestrictionsNone", overlay.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("kind: ValidatingWebhookConfiguration").contains("kind: Certificate")
                    .contains("containerPort: 9443").contains("secretName: metalkube-webhook-tls")
                    .contains("/etc/metalkube/config/metalkube.yml,/etc/metalkube/webhook-config/webhook.yml");
        } finally {
            try (var files = Files.list(overlay)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(overlay);
        }
    }
}
