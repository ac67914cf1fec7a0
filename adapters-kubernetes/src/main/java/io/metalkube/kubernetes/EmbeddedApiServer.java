package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.metalkube.kubernetes.support.KubectlDiscovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An API server for tests and the demo: fabric8's mock server in CRUD mode on 127.0.0.1 (plain http), with our
 * CRDs registered (so status is a real subresource), the one expectation JOSDK's leader election needs, and the
 * discovery documents kubectl needs ({@link KubectlDiscovery}), so {@code kubectl get bmh} works with
 * {@link #writeKubeconfig}.
 * Its gaps (no strategic merge patch, no server-side apply, no RV check on PUT /status, merge patch appends
 * arrays) are listed in build-notes.md; the adapter avoids all of them.
 */
public final class EmbeddedApiServer implements AutoCloseable {

    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

    private final KubernetesMockServer server;
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final Thread drainer;
    private volatile boolean closed;

    private EmbeddedApiServer(KubernetesMockServer server) {
        this.server = server;
        this.drainer = Thread.ofPlatform().daemon().name("embedded-api-server-journal").unstarted(this::drainJournal);
    }

    /** Starts on a free loopback port and installs the CRDs. */
    public static EmbeddedApiServer start() {
        MOCK_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        EmbeddedApiServer api = new EmbeddedApiServer(server);
        api.expectLeaseAccessReview();
        api.drainer.start();
        KubernetesClient setup = api.client();
        KubectlDiscovery.register(server, Crds.load(setup));
        Crds.install(setup);
        return api;
    }

    /** A new client (JDK HTTP, rate-limited per the defaults) for this server; closed with the server. */
    public KubernetesClient client() {
        return client(KubernetesSettings.defaults().withApiRequestsPerSecond(1_000));
    }

    /** A new client with the rate limit of {@code settings}; closed with the server. */
    public synchronized KubernetesClient client(KubernetesSettings settings) {
        return client(settings, null);
    }

    /** A new client with the rate limit of {@code settings} that counts its requests in {@code counter}. */
    public synchronized KubernetesClient client(KubernetesSettings settings, ApiRequestCounter counter) {
        KubernetesClient c = KubernetesClients.create(config(), settings, counter);
        clients.add(c);
        return c;
    }

    public URI url() {
        return URI.create(server.url("/"));
    }

    /** Writes a kubeconfig pointing at this server (namespace default, a dummy token) and returns its path. */
    public Path writeKubeconfig(Path file) {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: metalkube-embedded
                  cluster:
                    server: %s
                users:
                - name: metalkube-embedded
                  user:
                    token: embedded-api-server
                contexts:
                - name: metalkube-embedded
                  context:
                    cluster: metalkube-embedded
                    user: metalkube-embedded
                    namespace: default
                current-context: metalkube-embedded
                """.formatted(stripSlash(url().toString()));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kubeconfig " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (KubernetesClient c : clients) {
            c.close();
        }
        clients.clear();
        server.destroy();
        drainer.interrupt();
    }

    private Config config() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url().toString())
                .withTrustCerts(true)
                .withNamespace("default")
                .withOauthToken("embedded-api-server")
                .withRequestRetryBackoffLimit(3)
                .build();
    }

    /** JOSDK's LeaderElectionManager asks whether it may use Leases; the CRUD mock cannot answer that itself. */
    private void expectLeaseAccessReview() {
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder()
                        .withNewMetadata().withName("embedded").endMetadata()
                        .withNewStatus().withIncomplete(false)
                        .withResourceRules(new ResourceRuleBuilder().withApiGroups("coordination.k8s.io")
                                .withResources("leases").withVerbs("*").build())
                        .endStatus().build())
                .always();
    }

    /** The mock keeps every request in memory for takeRequest(); a long-running demo must drain it. */
    private void drainJournal() {
        while (!closed) {
            try {
                server.takeRequest(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
