package io.metalkube.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The demo's view of the API server, as a user with kubectl would have it: create objects from YAML, list hosts
 * and Machines. Uses generic resources, so it depends on the wire format only, not on the adapter's Java types.
 */
final class DemoCluster {

    static final ResourceDefinitionContext HOSTS = new ResourceDefinitionContext.Builder().withGroup("metal3.io")
            .withVersion("v1alpha1").withKind("BareMetalHost").withPlural("baremetalhosts").withNamespaced(true).build();
    static final ResourceDefinitionContext MACHINES = new ResourceDefinitionContext.Builder().withGroup("cluster.k8s.io")
            .withVersion("v1alpha1").withKind("Machine").withPlural("machines").withNamespaced(true).build();

    /** One row of the host table. */
    record HostRow(String name, String profile, String state, String consumer, String power, String error) {
    }

    /** One row of the Machine table. */
    record MachineRow(String name, String phase, String host, String error) {
    }

    private final KubernetesClient client;
    private final String namespace;

    DemoCluster(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** Creates one object from a YAML document (Secret, BareMetalHost or Machine); returns its name. */
    String create(String yaml) {
        GenericKubernetesResource generic = client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        HasMetadata created = switch (generic.getKind()) {
            case "Secret" -> client.secrets().inNamespace(namespace)
                    .resource(client.getKubernetesSerialization().unmarshal(yaml, Secret.class)).create();
            case "BareMetalHost" -> client.genericKubernetesResources(HOSTS).inNamespace(namespace).resource(generic).create();
            case "Machine" -> client.genericKubernetesResources(MACHINES).inNamespace(namespace).resource(generic).create();
            default -> throw new IllegalArgumentException("the demo does not create " + generic.getKind() + " objects");
        };
        return created.getMetadata().getName();
    }

    /** The YAML documents of a classpath resource (e.g. the seed's Machines). */
    static List<String> documents(String resource) {
        try (InputStream in = DemoCluster.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo resource " + resource + " is missing from the jar");
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo resource " + resource, e);
        }
    }

    /** The documents of a multi-document YAML text that hold an object (comment-only parts are dropped). */
    static List<String> split(String yaml) {
        List<String> docs = new ArrayList<>();
        for (String d : yaml.split("(?m)^---\\s*$")) {
            if (d.lines().anyMatch(l -> l.startsWith("kind:"))) {
                docs.add(d);
            }
        }
        return docs;
    }

    List<HostRow> hosts() {
        return client.genericKubernetesResources(HOSTS).inNamespace(namespace).list().getItems().stream()
                .map(DemoCluster::hostRow).sorted(Comparator.comparing(HostRow::name)).toList();
    }

    List<MachineRow> machines() {
        return client.genericKubernetesResources(MACHINES).inNamespace(namespace).list().getItems().stream()
                .map(DemoCluster::machineRow).sorted(Comparator.comparing(MachineRow::name)).toList();
    }

    private static HostRow hostRow(GenericKubernetesResource r) {
        Map<String, Object> p = r.getAdditionalProperties();
        Object powered = at(p, "status", "poweredOn");
        String labels = r.getMetadata().getLabels() == null ? "" : r.getMetadata().getLabels().getOrDefault("node-profile", "");
        return new HostRow(r.getMetadata().getName(), labels, text(at(p, "status", "provisioning", "state")),
                text(at(p, "spec", "consumerRef", "name")), powered == null ? "" : Boolean.TRUE.equals(powered) ? "on" : "off",
                text(at(p, "status", "errorMessage")));
    }

    private static MachineRow machineRow(GenericKubernetesResource r) {
        Map<String, Object> p = r.getAdditionalProperties();
        return new MachineRow(r.getMetadata().getName(), text(at(p, "status", "phase")), text(at(p, "status", "hostName")),
                text(at(p, "status", "errorMessage")));
    }

    private static Object at(Map<String, Object> m, String... keys) {
        Object cur = m;
        for (String k : keys) {
            if (!(cur instanceof Map<?, ?> mm)) {
                return null;
            }
            cur = mm.get(k);
        }
        return cur;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
