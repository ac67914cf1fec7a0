package io.metalkube.bootstrap.admission;

import io.metalkube.kubernetes.testing.SelfSignedCertificate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook over real HTTPS on 127.0.0.1: the operator's Micronaut server with the settings deploy/webhook ships
 * (its ConfigMap; PEM tls.crt/tls.key from files, as mounted from cert-manager's Secret), a keytool-made
 * self-signed certificate, and a client that trusts only that certificate and verifies the host name.
 */
@MicronautTest(environments = "memory")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionOverHttpsTest implements TestPropertyProvider {

    private SelfSignedCertificate certificate;
    private int httpsPort;
    private int httpPort;

    @Override
    public Map<String, String> getProperties() {
        try {
            certificate = SelfSignedCertificate.create("metalkube-webhook.metalkube.svc");
            httpsPort = freePort();
            httpPort = freePort();
            // the settings deploy/webhook ships, with only the ports and the certificate's directory changed
            Map<String, String> settings = new HashMap<>(WebhookManifests.shippedSettings());
            assertThat(settings).containsEntry("micronaut.certificate.file.webhook.path", "/etc/metalkube/webhook-tls/tls.key")
                    .containsEntry("micronaut.certificate.file.webhook.certificate-path", "/etc/metalkube/webhook-tls/tls.crt");
            settings.put("micronaut.certificate.file.webhook.path", certificate.privateKey().toString());
            settings.put("micronaut.certificate.file.webhook.certificate-path", certificate.certificate().toString());
            settings.put("micronaut.server.ssl.port", String.valueOf(httpsPort));
            settings.put("micronaut.server.port", String.valueOf(httpPort));
            settings.put("micronaut.server.host", "127.0.0.1");
            settings.put("metalkube.backend", "fixture");
            return settings;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        }
    }

    @AfterAll
    void removeCertificate() throws IOException {
        certificate.delete();
    }

    @Test
    void aValidHostIsAllowedOverHttps() throws Exception {
        HttpResponse<String> r = postHttps(AdmissionController.HOST_PATH, review("uid-1", "BareMetalHost", "metal3.io", """
                {"apiVersion":"metal3.io/v1alpha1","kind":"BareMetalHost","metadata":{"name":"worker-0","namespace":"default"},
                 "spec":{"online":true,"bmc":{"address":"ipmi://192.0.2.10","credentialsName":"worker-0-bmc"}}}"""));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body()).contains("\"uid\":\"uid-1\"").contains("\"allowed\":true");
    }

    @Test
    void anInvalidHostIsDeniedWithEveryProblem() throws Exception {
        HttpResponse<String> r = postHttps(AdmissionController.HOST_PATH, review("uid-2", "BareMetalHost", "metal3.io", """
                {"apiVersion":"metal3.io/v1alpha1","kind":"BareMetalHost","metadata":{"name":"worker-1","namespace":"default"},
                 "spec":{"online":false,"disablePowerOff":true,"bootMACAddress":"nope",
                         "bmc":{"address":"gopher://192.0.2.11","credentialsName":"worker-1-bmc"}}}"""));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"uid\":\"uid-2\"").contains("\"allowed\":false").contains("\"code\":422")
                .contains("(3 problems)").contains("gopher").contains("bootMACAddress").contains("disablePowerOff");
    }

    @Test
    void anInvalidMachineIsDenied() throws Exception {
        HttpResponse<String> r = postHttps(AdmissionController.MACHINE_PATH, review("uid-3", "Machine", "cluster.k8s.io", """
                {"apiVersion":"cluster.k8s.io/v1alpha1","kind":"Machine","metadata":{"name":"m-0","namespace":"default"},
                 "spec":{"providerSpec":{"value":{"kind":"Nonsense"}}}}"""));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"allowed\":false").contains("Nonsense").contains("is not supported");
    }

    @Test
    void aBodyThatIsNotAReviewGets400() throws Exception {
        HttpResponse<String> r = postHttps(AdmissionController.HOST_PATH, "{\"hello\":");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"reason\":\"BadRequest\"").contains("not JSON");
    }

    @Test
    void thePlainHttpPortServesHealthButRefusesReviews() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + httpPort;
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> review = http.send(HttpRequest.newBuilder(URI.create(base + AdmissionController.HOST_PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(review.statusCode()).isEqualTo(403);
        assertThat(review.body()).contains("only over TLS");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateCannotConnect() {
        HttpClient untrusting = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort + AdmissionController.HOST_PATH))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        assertThatThrownBy(() -> untrusting.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfAny(SSLHandshakeException.class, IOException.class);
    }

    private HttpResponse<String> postHttps(String path, String body) throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(certificate.trustingIt()).build();
        return https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String review(String uid, String kind, String group, String object) {
        return """
                {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"%s",
                 "kind":{"group":"%s","version":"v1alpha1","kind":"%s"},"namespace":"default","operation":"CREATE","object":%s}}
                """.formatted(uid, group, kind, object);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
