package io.metalkube.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.metalkube.kubernetes.support.ApiRateLimiter;

/**
 * Builds the one fabric8 client the adapter uses: the JDK HTTP client, a client-side rate limit
 * ({@link KubernetesSettings#apiRequestsPerSecond()}) on every request it sends, JOSDK's included, and the
 * {@link LeaseFence} that stops its writes once the operator lost the leader Lease.
 */
public final class KubernetesClients {

    private KubernetesClients() {
    }

    /** A client for {@code config} (e.g. {@code Config.autoConfigure(null)} in-cluster or from ~/.kube/config). */
    public static KubernetesClient create(Config config, KubernetesSettings settings) {
        return create(config, settings, null);
    }

    /** As {@link #create(Config, KubernetesSettings)}, counting every request in {@code counter} (null: no counting). */
    public static KubernetesClient create(Config config, KubernetesSettings settings, ApiRequestCounter counter) {
        ApiRateLimiter limiter = new ApiRateLimiter(settings.apiRequestsPerSecond());
        LeaseFence fence = new LeaseFence();
        return LeaseFence.register(new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .withHttpClientBuilderConsumer(b -> {
                    // first: a write refused after the Lease was lost takes no rate-limit token and is not counted
                    b.addOrReplaceInterceptor("metalkube-lease-fence", fence);
                    b.addOrReplaceInterceptor("metalkube-rate-limit", limiter);
                    if (counter != null) {
                        b.addOrReplaceInterceptor("metalkube-request-counter", counter);
                    }
                    if (plainHttp(config)) {
                        // the JDK client tries an h2c upgrade on plain http; the embedded (mock) API server answers
                        // some of those in HTTP/1.1 and the client fails with "Frame type(..) exceeds MAX_FRAME_SIZE"
                        b.preferHttp11();
                    }
                })
                .build(), fence);
    }

    private static boolean plainHttp(Config config) {
        return config.getMasterUrl() != null && config.getMasterUrl().startsWith("http://");
    }

    /** Configuration from the usual places: in-cluster service account, KUBECONFIG, ~/.kube/config. */
    public static KubernetesClient autoConfigured(KubernetesSettings settings) {
        return create(Config.autoConfigure(null), settings);
    }
}
