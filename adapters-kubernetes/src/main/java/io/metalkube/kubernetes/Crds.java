package io.metalkube.kubernetes;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The CustomResourceDefinitions of this adapter. They are generated from the Java types at build time
 * (crd-generator-maven-plugin) into the jar; {@code deploy/crds/} holds the same files, checked by a test.
 */
public final class Crds {

    /** Classpath resources, in the order to apply them. */
    public static final List<String> RESOURCES = List.of(
            "META-INF/fabric8/baremetalhosts.metal3.io-v1.yml",
            "META-INF/fabric8/machines.cluster.k8s.io-v1.yml");

    /**
     * OpenShift's Machine ({@code machine.openshift.io/v1beta1}): optional, not in the default install (OpenShift has
     * its own); {@code deploy/openshift/} ships it as a kustomize component.
     */
    public static final String OPENSHIFT_MACHINES = "META-INF/fabric8/machines.machine.openshift.io-v1.yml";

    private Crds() {
    }

    /**
     * Creates both CRDs, or replaces existing ones. A replace carries the stored resourceVersion: the API server
     * refuses unconditional updates of CRDs.
     */
    public static void install(KubernetesClient client) {
        install(client, RESOURCES);
    }

    /** As {@link #install(KubernetesClient)}, for the CRDs read from these classpath resources (e.g. {@link #OPENSHIFT_MACHINES}). */
    public static void install(KubernetesClient client, List<String> resources) {
        var crds = client.apiextensions().v1().customResourceDefinitions();
        for (CustomResourceDefinition crd : load(client, resources)) {
            CustomResourceDefinition existing = crds.withName(crd.getMetadata().getName()).get();
            if (existing == null) {
                crds.resource(crd).create();
            } else {
                crd.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
                crds.resource(crd).update();
            }
        }
    }

    public static List<CustomResourceDefinition> load(KubernetesClient client) {
        return load(client, RESOURCES);
    }

    public static List<CustomResourceDefinition> load(KubernetesClient client, List<String> resources) {
        return resources.stream().map(r -> read(client, r)).toList();
    }

    private static CustomResourceDefinition read(KubernetesClient client, String resource) {
        try (InputStream in = Crds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("CRD " + resource + " is missing from the classpath; the adapters-kubernetes jar "
                        + "was built without the crd-generator plugin (run ./mvnw -pl adapters-kubernetes package)");
            }
            return client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRD " + resource, e);
        }
    }
}
