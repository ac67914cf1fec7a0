package io.metalkube.demo.apiserver;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo's API server, which users need no binary for: fabric8's mock server in CRUD mode on 127.0.0.1 (plain
 * http), with the given CRDs registered (so status is a real subresource), the one expectation JOSDK's leader election
 * needs, and the discovery documents kubectl needs ({@link KubectlDiscovery}). Tests of the Kubernetes adapter use it
 * too (through their {@code EmbeddedApiServer}). Its gaps against a real API server are listed in build-notes.md.
 */
public final class CrudApiServer implements AutoCloseable {

    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

    private final KubernetesMockServer server;
    private final List<KubernetesClient> clients = new ArrayList<>();
    private volatile Map<String, String> discovery = Map.of();
    private final Thread drainer;
    private volatile boolean closed;

    private CrudApiServer(KubernetesMockServer server) {
        this.server = server;
        this.drainer = Thread.ofPlatform().daemon().name("embedded-api-server-journal").unstarted(this::drainJournal);
    }

    /** Starts on a free loopback port and installs the CRDs read from these classpath resources (YAML). */
    public static CrudApiServer start(List<String> crdResources) {
        MOCK_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new RealServerDispatcher(responses), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        CrudApiServer api = new CrudApiServer(server);
        api.expectLeaseAccessReview();
        api.drainer.start();
        List<CustomResourceDefinition> crds = crdResources.stream().map(CrudApiServer::readCrd).toList();
        Map<String, Object> documents = KubectlDiscovery.documents(crds);
        KubectlDiscovery.register(server, documents);
        KubernetesSerialization serialization = new KubernetesSerialization();
        Map<String, String> json = new LinkedHashMap<>();
        documents.forEach((path, document) -> json.put(path, serialization.asJson(document)));
        api.discovery = Collections.unmodifiableMap(json);
        KubernetesClient setup = api.client();
        crds.forEach(crd -> setup.apiextensions().v1().customResourceDefinitions().resource(crd).create());
        return api;
    }

    /** A new plain fabric8 client (JDK HTTP, HTTP/1.1) for this server; closed with the server. */
    /** The API discovery documents kubectl reads (path → JSON), for a front that serves them on any query. */
    public Map<String, String> discoveryDocuments() {
        return discovery;
    }

    public synchronized KubernetesClient client() {
        KubernetesClient c = new KubernetesClientBuilder().withConfig(config()).withHttpClientFactory(new JdkHttpClientFactory())
                .withHttpClientBuilderConsumer(b -> b.preferHttp11()).build();
        return track(c);
    }

    /** Closes {@code client} together with the server (for clients built elsewhere from {@link #config()}). */
    public synchronized KubernetesClient track(KubernetesClient client) {
        clients.add(client);
        return client;
    }

    /** Connection settings for a client of this server: its URL, namespace default, a dummy token. */
    public Config config() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url().toString())
                .withTrustCerts(true)
                .withNamespace("default")
                .withOauthToken("embedded-api-server")
                .withRequestRetryBackoffLimit(3)
                .build();
    }

    public URI url() {
        return URI.create(server.url("/"));
    }

    /** Writes a kubeconfig pointing at this server (namespace default, a dummy token) and returns its path. */
    public Path writeKubeconfig(Path file) {
        return writeKubeconfig(file, url());
    }

    /** Writes a kubeconfig pointing at {@code server} (e.g. a front of this server), namespace default, a dummy token. */
    public static Path writeKubeconfig(Path file, URI server) {
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
                """.formatted(stripSlash(server.toString()));
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

    private static CustomResourceDefinition readCrd(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("CRD " + resource + " is missing from the classpath (is adapters-kubernetes' jar on it?)");
            }
            return new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRD " + resource, e);
        }
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
