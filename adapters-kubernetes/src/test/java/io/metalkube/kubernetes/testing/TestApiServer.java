package io.metalkube.kubernetes.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.kubernetes.ApiRequestCounter;
import io.metalkube.kubernetes.KubernetesSettings;

import java.net.URI;
import java.nio.file.Path;

/**
 * An API server a test class talks to, with our CRDs installed: fabric8's CRUD mock (a new one per test class) or
 * kube-lite (one real API server per test JVM, a namespace per test). Clients made here close with it.
 * The adapter's Kubernetes suites run once per binding ({@link ApiServerBinding}); where the two servers differ the
 * real one wins, and adapters-kubernetes/README.md says how.
 */
public interface TestApiServer extends AutoCloseable {

    /** A client with no practical rate limit, for a test acting as a user. */
    KubernetesSettings USER = KubernetesSettings.defaults().withOperatorName("test-user").withApiRequestsPerSecond(1_000);

    ApiServerBinding binding();

    /** A new client with {@code settings}' rate limit, counting its requests in {@code counter} (may be null). */
    KubernetesClient client(KubernetesSettings settings, ApiRequestCounter counter);

    default KubernetesClient client() {
        return client(USER, null);
    }

    /** Where this server listens. */
    URI url();

    /**
     * A client as {@link #client(KubernetesSettings, ApiRequestCounter)} that sends to {@code url} instead, with the
     * server's credentials and CA (a TCP proxy in front of this server, to cut one client off).
     */
    KubernetesClient clientAt(URI url, KubernetesSettings settings, ApiRequestCounter counter);

    /** A new namespace (created where namespaces must exist), named {@code prefix} plus a unique suffix. */
    String namespace(String prefix);

    /** Writes a kubeconfig for kubectl and returns {@code file}. */
    Path writeKubeconfig(Path file);

    /** Closes this test class's clients (and a server that belongs to it alone). */
    @Override
    void close();
}
