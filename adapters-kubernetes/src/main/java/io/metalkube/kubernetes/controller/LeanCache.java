package io.metalkube.kubernetes.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostSpec;

import java.util.Set;

/**
 * The item store of every informer the operator runs: objects are cached without {@code metadata.managedFields}, which
 * nothing here reads. A real API server adds them to every object (one entry per field manager, each a tree of the
 * fields it owns) and they were most of the cache: at 10,000 hosts on kube-lite under {@code -Xmx256m} the heap filled
 * with them (a million LinkedHashMaps) at 3,500 hosts. The same as controller-runtime's TransformStripManagedFields.
 * Writes are unaffected: an update that omits managedFields leaves them as the server has them.
 * <p>
 * Only where one informer serves a source (all namespaces, or one): java-operator-sdk hands the same item store to the
 * informer it starts per namespace, and a relist in one namespace would drop the other namespaces' objects from a
 * shared store. A deployment that lists several namespaces keeps fabric8's default stores (and the managedFields).
 */
public final class LeanCache {

    private LeanCache() {
    }

    /** The store for informers over {@code namespaces} (empty: all), or null (fabric8's default) for several. */
    public static <R extends HasMetadata> ItemStore<R> store(Set<String> namespaces) {
        return namespaces.size() <= 1 ? new TransformingItemStore<>(LeanCache::withoutManagedFields) : null;
    }

    /**
     * The store for an informer that only maps hosts to the Machines that consume them: each host's identity and
     * {@code spec.consumerRef}, nothing else. The stores read hosts from the host controller's cache; a second whole
     * copy of every host here was about half the heap at 10,000 hosts (issue 14).
     */
    public static ItemStore<BareMetalHost> consumerRefsOnly(Set<String> namespaces) {
        return namespaces.size() <= 1 ? new TransformingItemStore<>(LeanCache::consumerRefOnly) : null;
    }

    static BareMetalHost consumerRefOnly(BareMetalHost host) {
        BareMetalHost lean = new BareMetalHost();
        ObjectMeta meta = host.getMetadata();
        lean.setMetadata(new ObjectMetaBuilder().withName(meta.getName()).withNamespace(meta.getNamespace()).withUid(meta.getUid())
                .withResourceVersion(meta.getResourceVersion()).withGeneration(meta.getGeneration())
                .withDeletionTimestamp(meta.getDeletionTimestamp()).build());
        BareMetalHostSpec spec = new BareMetalHostSpec();
        spec.consumerRef = host.getSpec() == null ? null : host.getSpec().consumerRef;
        lean.setSpec(spec);
        return lean;
    }

    static <R extends HasMetadata> R withoutManagedFields(R resource) {
        if (resource.getMetadata() != null && resource.getMetadata().getManagedFields() != null) {
            resource.getMetadata().setManagedFields(null);
        }
        return resource;
    }
}
