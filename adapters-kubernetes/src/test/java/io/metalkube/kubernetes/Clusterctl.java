package io.metalkube.kubernetes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.metalkube.kubernetes.crd.BareMetalHost;

import java.util.List;
import java.util.UUID;

/**
 * {@code clusterctl move} as it treats BareMetalHosts and their Secrets (cluster-api cmd/clusterctl/client/cluster/
 * mover.go): after the Cluster is paused it waits until no object carries {@value Capm3#BLOCK_MOVE}
 * (waitReadyForMove), creates each object in the target (createTargetObject: resourceVersion cleared, owner references
 * re-pointed at the moved owners' new UIDs; the status is not carried, an API server drops it on create), then deletes
 * each from the source (deleteSourceObject: the delete-for-move annotation added and the finalizers removed in one
 * patch, then DELETE).
 */
final class Clusterctl {

    static final String DELETE_FOR_MOVE = "clusterctl.cluster.x-k8s.io/delete-for-move";

    private final KubernetesClient from;
    private final KubernetesClient to;
    private final String ns;

    Clusterctl(KubernetesClient from, KubernetesClient to, String namespace) {
        this.from = from;
        this.to = to;
        this.ns = namespace;
    }

    /** waitReadyForMove: true when no host to move carries the block-move annotation (clusterctl polls this). */
    boolean readyForMove(List<String> hosts) {
        return hosts.stream().map(h -> from.resources(BareMetalHost.class).inNamespace(ns).withName(h).get())
                .noneMatch(h -> Capm3.annotations(h).containsKey(Capm3.BLOCK_MOVE));
    }

    /** createTargetObject for a host: what the target receives (returned), without its status. */
    BareMetalHost copyHost(String name) {
        BareMetalHost h = from.resources(BareMetalHost.class).inNamespace(ns).withName(name).get();
        h.setStatus(null); // kube-apiserver drops status on create (status subresource); the CRUD mock would keep it
        moved(h.getMetadata());
        return to.resources(BareMetalHost.class).inNamespace(ns).resource(h).create();
    }

    /** createTargetObject for a Secret (BMC credentials, user data): a new object, a new resourceVersion. */
    void copySecret(String name) {
        Secret s = from.secrets().inNamespace(ns).withName(name).get();
        moved(s.getMetadata());
        to.secrets().inNamespace(ns).resource(s).create();
    }

    /** deleteSourceObject: delete-for-move annotation and no finalizers in one merge patch, then DELETE. */
    void deleteHostFromSource(String name) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = patch.putObject("metadata");
        metadata.putObject("annotations").put(DELETE_FOR_MOVE, "");
        metadata.putNull("finalizers");
        from.resources(BareMetalHost.class).inNamespace(ns).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
        from.resources(BareMetalHost.class).inNamespace(ns).withName(name).delete();
    }

    void deleteSecretFromSource(String name) {
        from.secrets().inNamespace(ns).withName(name).delete();
    }

    /** What createTargetObject changes in the metadata: a new object in the target; owners moved before it. */
    private static void moved(ObjectMeta m) {
        m.setResourceVersion(null);
        m.setUid(null);
        m.setCreationTimestamp(null);
        m.setManagedFields(null);
        if (m.getOwnerReferences() != null) {
            for (OwnerReference o : m.getOwnerReferences()) {
                o.setUid(UUID.nameUUIDFromBytes(("moved " + o.getUid()).getBytes()).toString());
            }
        }
    }
}
