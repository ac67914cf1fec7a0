package io.metalkube.kubernetes.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.kubernetes.ApiRequestCounter;
import io.metalkube.kubernetes.Crds;
import io.metalkube.kubernetes.KubernetesClients;
import io.metalkube.kubernetes.KubernetesSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test class's view of a real API server (from its kubeconfig): clients built as bootstrap builds them
 * ({@link KubernetesClients}), namespaces created for real, the clients closed with the session; the server stays.
 */
public final class RealApiServer implements TestApiServer {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static final Duration ESTABLISHED_TIMEOUT = Duration.ofSeconds(60);

    private final String kubeconfig;
    private final List<KubernetesClient> clients = new ArrayList<>();

    public RealApiServer(String kubeconfigYaml) {
        this.kubeconfig = kubeconfigYaml;
    }

    @Override
    public ApiServerBinding binding() {
        return ApiServerBinding.KUBE_LITE;
    }

    @Override
    public synchronized KubernetesClient client(KubernetesSettings settings, ApiRequestCounter counter) {
        KubernetesClient c = KubernetesClients.create(Config.fromKubeconfig(kubeconfig), settings, counter);
        clients.add(c);
        return c;
    }

    @Override
    public URI url() {
        return URI.create(Config.fromKubeconfig(kubeconfig).getMasterUrl());
    }

    @Override
    public synchronized KubernetesClient clientAt(URI url, KubernetesSettings settings, ApiRequestCounter counter) {
        Config config = Config.fromKubeconfig(kubeconfig);
        config.setMasterUrl(url.toString());
        KubernetesClient c = KubernetesClients.create(config, settings, counter);
        clients.add(c);
        return c;
    }

    @Override
    public String namespace(String prefix) {
        String name = prefix + "-" + ProcessHandle.current().pid() + "-" + NAMESPACES.incrementAndGet();
        client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    @Override
    public Path writeKubeconfig(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return Files.writeString(file, kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kubeconfig " + file, e);
        }
    }

    public String kubeconfigYaml() {
        return kubeconfig;
    }

    @Override
    public synchronized void close() {
        clients.forEach(KubernetesClient::close);
        clients.clear();
    }

    /** Installs (or replaces) our CRDs and waits until the server serves them (condition Established). */
    public static void installCrds(KubernetesClient client) {
        installCrds(client, Crds.RESOURCES);
    }

    /** Installs (or replaces) the CRDs read from these classpath resources and waits until they are Established. */
    public static void installCrds(KubernetesClient client, java.util.List<String> resources) {
        Crds.install(client, resources);
        Instant deadline = Instant.now().plus(ESTABLISHED_TIMEOUT);
        for (CustomResourceDefinition crd : Crds.load(client, resources)) {
            String name = crd.getMetadata().getName();
            while (!established(client, name)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("CRD " + name + " not Established after " + ESTABLISHED_TIMEOUT.toSeconds() + " s: "
                            + client.apiextensions().v1().customResourceDefinitions().withName(name).get().getStatus());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for CRD " + name, e);
                }
            }
        }
    }

    static boolean established(KubernetesClient client, String crd) {
        CustomResourceDefinition c = client.apiextensions().v1().customResourceDefinitions().withName(crd).get();
        return c != null && c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus()));
    }
}
