package io.metalkube.kubernetes.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperationsBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A validating admission webhook for tests, over TLS on 127.0.0.1 (keytool certificate): it refuses the requests
 * {@code refuse} matches with the status a real API server's authorizer gives (403 Forbidden, {@code message}) and
 * allows the rest. Registered in a real API server with {@code url:} + {@code caBundle}, it makes that server refuse
 * what RBAC would refuse, which kube-lite (every request is cluster-admin) cannot do otherwise.
 */
public final class TestWebhookServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpsServer server;
    private final SelfSignedCertificate certificate;
    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();

    private TestWebhookServer(HttpsServer server, SelfSignedCertificate certificate) {
        this.server = server;
        this.certificate = certificate;
    }

    /** Starts on a free loopback port; {@code refuse} sees each AdmissionReview's request. */
    public static TestWebhookServer refusing(Predicate<JsonNode> refuse, String message) {
        try {
            SelfSignedCertificate cert = SelfSignedCertificate.create("metalkube-test-webhook");
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(cert.serving()));
            TestWebhookServer w = new TestWebhookServer(server, cert);
            server.createContext("/", exchange -> {
                JsonNode review = JSON.readTree(exchange.getRequestBody());
                JsonNode request = review.path("request");
                w.seen.add(request);
                boolean refused = refuse.test(request);
                ObjectNode reply = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
                ObjectNode response = reply.putObject("response").put("uid", request.path("uid").asText()).put("allowed", !refused);
                if (refused) {
                    response.putObject("status").put("code", 403).put("reason", "Forbidden").put("message", message);
                }
                byte[] body = JSON.writeValueAsBytes(reply);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test webhook", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the test webhook's TLS", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the test webhook's certificate", e);
        }
    }

    /** The AdmissionReview requests received so far. */
    public List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    /**
     * Registers this webhook in {@code client}'s API server for {@code operations} on {@code group}/{@code resource}
     * (all versions), failurePolicy Fail, and waits until the server calls it (a probe request it refuses).
     */
    public void register(KubernetesClient client, String name, String group, String resource, String... operations) {
        try {
            client.admissionRegistration().v1().validatingWebhookConfigurations().resource(new ValidatingWebhookConfigurationBuilder()
                    .withNewMetadata().withName(name).endMetadata()
                    .withWebhooks(new ValidatingWebhookBuilder().withName(name + ".test.metalkube.io")
                            .withAdmissionReviewVersions("v1").withSideEffects("None").withFailurePolicy("Fail").withTimeoutSeconds(10)
                            .withNewClientConfig().withUrl("https://127.0.0.1:" + server.getAddress().getPort() + "/")
                            .withCaBundle(certificate.caBundle()).endClientConfig()
                            .withRules(new RuleWithOperationsBuilder().withApiGroups(group).withApiVersions("*")
                                    .withResources(resource).withOperations(operations).build())
                            .build())
                    .build()).create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test webhook's certificate", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            certificate.delete();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test webhook's certificate", e);
        }
    }

}
