package io.metalkube.kubernetes.testing;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The real API server shared by every test class of one test JVM (started on first use, ~0.5 s, stopped by PID when
 * the JVM exits), with our CRDs installed: kube-lite where its binary is found, else fabric8's kube-api-test if it is
 * on the test classpath (build with {@code -Pkube-api-test}; it downloads the official kube-apiserver and etcd),
 * else unavailable with the reason, which the suites print when they skip.
 */
final class SharedRealApiServer {

    static final String KUBE_API_TEST = "io.fabric8.kubeapitest.KubeAPIServer";
    private static SharedRealApiServer instance;

    private final String kubeconfig;
    private final String unavailable;

    private SharedRealApiServer(String kubeconfig, String unavailable) {
        this.kubeconfig = kubeconfig;
        this.unavailable = unavailable;
    }

    static synchronized SharedRealApiServer get() {
        if (instance == null) {
            instance = start();
            if (!instance.available()) {
                System.out.println("[kube-lite fixture] no real API server: " + instance.unavailable);
            }
        }
        return instance;
    }

    boolean available() {
        return kubeconfig != null;
    }

    String unavailableReason() {
        return unavailable;
    }

    RealApiServer session() {
        return new RealApiServer(kubeconfig);
    }

    private static SharedRealApiServer start() {
        String kubeconfig;
        if (KubeLite.binary().isPresent()) {
            long t0 = System.nanoTime();
            KubeLite k = KubeLite.start();
            Runtime.getRuntime().addShutdownHook(new Thread(k::close, "kube-lite-stop"));
            kubeconfig = k.kubeconfigYaml();
            System.out.printf("[kube-lite fixture] kube-lite pid %d serving at %s (started in %d ms)%n", k.pid(), k.url(),
                    (System.nanoTime() - t0) / 1_000_000);
        } else {
            Optional<String> fallback = kubeApiTest();
            if (fallback.isEmpty()) {
                return new SharedRealApiServer(null, KubeLite.unavailableReason() + "; fabric8's kube-api-test is not on the "
                        + "test classpath either (build with -Pkube-api-test where Maven Central and the Kubernetes release "
                        + "downloads are reachable)");
            }
            kubeconfig = fallback.get();
        }
        try (RealApiServer setup = new RealApiServer(kubeconfig)) {
            KubernetesClient client = setup.client();
            RealApiServer.installCrds(client);
        }
        return new SharedRealApiServer(kubeconfig, null);
    }

    /** fabric8's kube-api-test, by reflection (the artifact is optional): starts it and returns its kubeconfig. */
    private static Optional<String> kubeApiTest() {
        try {
            Class<?> serverType = Class.forName(KUBE_API_TEST);
            Class<?> builderType = Class.forName("io.fabric8.kubeapitest.KubeAPIServerConfigBuilder");
            Object builder = builderType.getMethod("anAPIServerConfig").invoke(null);
            // never touch the user's ~/.kube/config
            builderType.getMethod("withUpdateKubeConfig", boolean.class).invoke(builder, false);
            Object config = builderType.getMethod("build").invoke(builder);
            Object server = serverType.getConstructor(config.getClass()).newInstance(config);
            serverType.getMethod("start").invoke(server);
            Method stop = serverType.getMethod("stop");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stop.invoke(server);
                } catch (ReflectiveOperationException e) {
                    System.err.println("kube-api-test did not stop: " + e);
                }
            }, "kube-api-test-stop"));
            System.out.println("[kube-lite fixture] kube-lite not found; using fabric8's kube-api-test");
            return Optional.of((String) serverType.getMethod("getKubeConfigYaml").invoke(server));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fabric8's kube-api-test is on the classpath but could not start", e);
        }
    }
}
