package io.metalkube.kubernetes.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.kubernetes.ApiRequestCounter;
import io.metalkube.kubernetes.EmbeddedApiServer;
import io.metalkube.kubernetes.KubernetesSettings;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CRUD-mock binding: a new embedded API server (fabric8's mock in CRUD mode, our CRDs registered) per test class.
 * It reaches the mock only through EmbeddedApiServer's start, client, writeKubeconfig and close.
 */
final class MockApiServer implements TestApiServer {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private final EmbeddedApiServer server;

    MockApiServer() {
        this(io.metalkube.kubernetes.Crds.RESOURCES);
    }

    MockApiServer(java.util.List<String> crdResources) {
        server = EmbeddedApiServer.start(crdResources);
    }

    @Override
    public ApiServerBinding binding() {
        return ApiServerBinding.CRUD_MOCK;
    }

    @Override
    public KubernetesClient client(KubernetesSettings settings, ApiRequestCounter counter) {
        return server.client(settings, counter);
    }

    @Override
    public URI url() {
        return server.url();
    }

    @Override
    public KubernetesClient clientAt(URI url, KubernetesSettings settings, ApiRequestCounter counter) {
        return server.clientVia(url, settings, counter);
    }

    /** The mock needs no Namespace object; the name is unique as on kube-lite. */
    @Override
    public String namespace(String prefix) {
        return prefix + "-" + NAMESPACES.incrementAndGet();
    }

    @Override
    public Path writeKubeconfig(Path file) {
        return server.writeKubeconfig(file);
    }

    @Override
    public void close() {
        server.close();
    }
}
