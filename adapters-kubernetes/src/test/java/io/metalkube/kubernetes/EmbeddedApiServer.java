package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.demo.apiserver.CrudApiServer;

import java.net.URI;
import java.nio.file.Path;

/**
 * An API server for the adapter's tests: the demo's embedded API server ({@link CrudApiServer}: fabric8's mock
 * server in CRUD mode on 127.0.0.1, our CRDs registered, kubectl discovery), with clients built as the operator builds
 * them ({@link KubernetesClients}: rate limit, request counter). Test code only: the mock server is not on the
 * operator's runtime class path.
 */
public final class EmbeddedApiServer implements AutoCloseable {

    private final CrudApiServer server;

    private EmbeddedApiServer(CrudApiServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port and installs the CRDs. */
    public static EmbeddedApiServer start() {
        return start(Crds.RESOURCES);
    }

    /** Starts on a free loopback port and installs the CRDs read from these classpath resources. */
    public static EmbeddedApiServer start(java.util.List<String> crdResources) {
        return new EmbeddedApiServer(CrudApiServer.start(crdResources));
    }

    /** A new client (JDK HTTP, rate-limited per the defaults) for this server; closed with the server. */
    public KubernetesClient client() {
        return client(KubernetesSettings.defaults().withApiRequestsPerSecond(1_000));
    }

    /** A new client with the rate limit of {@code settings}; closed with the server. */
    public KubernetesClient client(KubernetesSettings settings) {
        return client(settings, null);
    }

    /** A new client with the rate limit of {@code settings} that counts its requests in {@code counter}. */
    public KubernetesClient client(KubernetesSettings settings, ApiRequestCounter counter) {
        return server.track(KubernetesClients.create(server.config(), settings, counter));
    }

    /** A client as {@link #client(KubernetesSettings, ApiRequestCounter)}, that reaches this server through {@code via} (a proxy). */
    public KubernetesClient clientVia(URI via, KubernetesSettings settings, ApiRequestCounter counter) {
        var config = new io.fabric8.kubernetes.client.ConfigBuilder(server.config()).withMasterUrl(via.toString()).build();
        return server.track(KubernetesClients.create(config, settings, counter));
    }

    public URI url() {
        return server.url();
    }

    /** Writes a kubeconfig pointing at this server (namespace default, a dummy token) and returns its path. */
    public Path writeKubeconfig(Path file) {
        return server.writeKubeconfig(file);
    }

    @Override
    public void close() {
        server.close();
    }
}
