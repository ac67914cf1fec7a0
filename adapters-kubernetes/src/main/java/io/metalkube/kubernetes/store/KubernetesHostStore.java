package io.metalkube.kubernetes.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.metalkube.application.port.out.ConflictException;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.lifecycle.Effect;
import io.metalkube.kubernetes.KubernetesSettings;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;
import io.metalkube.kubernetes.mapping.HostAnnotationCodec;
import io.metalkube.kubernetes.mapping.HostConditions;
import io.metalkube.kubernetes.mapping.HostMapper;
import io.metalkube.kubernetes.mapping.HostSpecMapper;
import io.metalkube.kubernetes.mapping.HostStatusMapper;
import io.metalkube.kubernetes.mapping.UnreadableFieldException;

import java.lang.System.Logger.Level;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Port implementation (HostStore): BareMetalHosts on the API server. While the operator runs, reads come from its
 * informer cache ({@link InformerCaches}: no API call for an idle host); otherwise from the server. Every write
 * carries the resourceVersion the caller read, so a decision made on a stale read ends in 409 → ConflictException →
 * retry: spec writes are PUTs, status is a JSON patch on the status subresource locked on the resourceVersion, and
 * only when the wire status changed; metadata effects are JSON patches (the CRUD mock mishandles merge patches of
 * arrays). Each write's answer goes back into the cache so the next read sees it.
 */
public final class KubernetesHostStore implements HostStore {

    /** metal3's finalizer name, domain-qualified as JOSDK requires (metal3 uses "baremetalhost.metal3.io"): {@link #holdForCleanup} adds it before a host's first back-end call, {@link Effect#REMOVE_FINALIZER} removes it. */
    public static final String FINALIZER = "baremetalhost.metal3.io/finalizer";
    /** metal3's own finalizer, on hosts migrated from metal3: adopted ({@link #takeFinalizer}), removed with ours. */
    public static final String METAL3_FINALIZER = "baremetalhost.metal3.io";

    private static final System.Logger LOG = System.getLogger(KubernetesHostStore.class.getName());

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final Clock clock;
    private final KubernetesEvents events;
    private final InformerCaches caches;
    private final MappedHosts mapped = new MappedHosts();

    public KubernetesHostStore(KubernetesClient client, KubernetesSettings settings, Clock clock, KubernetesEvents events) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.caches = InformerCaches.of(client);
    }

    private MixedOperation<BareMetalHost, KubernetesResourceList<BareMetalHost>, Resource<BareMetalHost>> api() {
        return client.resources(BareMetalHost.class);
    }

    /** The cached object when the operator's cache serves (never modify it: {@link #copy}), else a fresh GET. */
    private Optional<BareMetalHost> read(HostId id) {
        BareMetalHost cr = caches.serving() ? caches.host(id.namespace(), id.name()).orElse(null)
                : api().inNamespace(id.namespace()).withName(id.name()).get();
        if (cr != null) {
            events.remember(BareMetalHost.API_VERSION, BareMetalHost.KIND, id.namespace(), id.name(), cr.getMetadata().getUid());
        }
        return Optional.ofNullable(cr);
    }

    private Host toDomain(BareMetalHost cr) {
        try {
            return mapped.map(cr, HostMapper::toDomain);
        } catch (UnreadableFieldException e) {
            throw e.in(BareMetalHost.KIND + " " + HostMapper.id(cr));
        }
    }

    @Override
    public Optional<Host> find(HostId id) {
        return read(id).map(this::toDomain);
    }

    private BareMetalHost copy(BareMetalHost cr) {
        return client.getKubernetesSerialization().clone(cr);
    }

    @Override
    public List<Host> list(String namespace) {
        if (caches.serving()) {
            return sorted(caches.hosts(namespace).toList());
        }
        return sorted(api().inNamespace(namespace).list().getItems());
    }

    @Override
    public List<Host> listAll() {
        if (caches.serving()) {
            List<Host> all = sorted(caches.hosts(null).toList());
            mapped.keepOnly(all);
            return all;
        }
        if (settings.watchesAllNamespaces()) {
            return sorted(api().inAnyNamespace().list().getItems());
        }
        List<BareMetalHost> all = new ArrayList<>();
        for (String ns : settings.namespaces()) {
            all.addAll(api().inNamespace(ns).list().getItems());
        }
        return sorted(all);
    }

    /** Hosts that cannot be read are left out: their own reconcile reports them, and they must not hide the others. */
    private List<Host> sorted(List<BareMetalHost> items) {
        List<Host> hosts = new ArrayList<>(items.size());
        for (BareMetalHost cr : items) {
            try {
                hosts.add(toDomain(cr));
            } catch (UnreadableFieldException e) {
                LOG.log(Level.DEBUG, () -> "host " + HostMapper.id(cr) + " left out of a listing: " + e.getMessage());
            }
        }
        hosts.sort(Comparator.comparing(Host::id));
        return hosts;
    }

    @Override
    public Host writeStatus(Host current, HostStatus status) {
        BareMetalHost cr = read(current.id()).orElseThrow(() -> new ConflictException("host " + current.id() + " no longer exists"));
        BareMetalHostStatus before = cr.getStatus();
        BareMetalHostStatus after = HostStatusMapper.toWire(status, current.id().namespace());
        after.hardwareProfile = before == null ? null : before.hardwareProfile;
        after.conditions = HostConditions.of(status, before == null ? null : before.conditions, cr.getMetadata().getGeneration(), clock.instant());
        if (sameJson(before, after)) {
            return toDomain(cr);
        }
        if (!Objects.equals(cr.getMetadata().getResourceVersion(), current.revision())) {
            throw new ConflictException("host " + current.id() + " changed since it was read (resourceVersion "
                    + current.revision() + ", now " + cr.getMetadata().getResourceVersion() + ")");
        }
        String patch = StatusPatch.replacing(client.getKubernetesSerialization(), current.revision(), after);
        BareMetalHost updated = Conflicts.guard("status of host " + current.id(),
                // resource(cr): with only a name, fabric8 GETs the object before a string patch
                () -> api().inNamespace(current.id().namespace()).resource(cr).subresource("status")
                        .patch(StatusPatch.JSON_PATCH, patch));
        caches.wrote(updated, cr);
        return toDomain(updated);
    }

    @Override
    public Host compareAndSetSpec(Host expected, HostSpec spec) {
        BareMetalHost cr = read(expected.id()).orElseThrow(() -> new ConflictException("host " + expected.id() + " no longer exists"));
        if (!Objects.equals(cr.getMetadata().getResourceVersion(), expected.revision())) {
            throw new ConflictException("host " + expected.id() + " changed: read at resourceVersion " + expected.revision()
                    + ", now " + cr.getMetadata().getResourceVersion());
        }
        BareMetalHost changed = copy(cr);
        changed.setSpec(HostSpecMapper.toWire(spec, cr.getSpec()));
        BareMetalHost updated = Conflicts.guard("spec of host " + expected.id(),
                () -> api().inNamespace(expected.id().namespace()).resource(changed).update());
        caches.wrote(updated, cr);
        return toDomain(updated);
    }

    @Override
    public Host apply(Host current, List<Effect> effects) {
        if (effects.isEmpty()) {
            return current;
        }
        BareMetalHost cached = caches.serving() ? read(current.id()).orElse(null) : null;
        try {
            BareMetalHost edited = Conflicts.retryingEdit("metadata of host " + current.id(), () -> api().inNamespace(current.id().namespace()).withName(current.id().name()).edit(cr -> {
                Map<String, String> annotations = cr.getMetadata().getAnnotations() == null ? new HashMap<>()
                        : new HashMap<>(cr.getMetadata().getAnnotations());
                for (Effect effect : effects) {
                    switch (effect) {
                        case REMOVE_FINALIZER -> cr.getMetadata().getFinalizers().removeAll(List.of(FINALIZER, METAL3_FINALIZER));
                        case CLEAR_ONCE_REBOOT -> annotations.remove(HostAnnotationCodec.REBOOT);
                        case CLEAR_INSPECT_REQUEST -> annotations.computeIfPresent(HostAnnotationCodec.INSPECT,
                                (k, v) -> "disabled".equals(v) ? v : null);
                        case CLEAR_STATUS_BACKUP -> annotations.remove(HostAnnotationCodec.STATUS);
                    }
                }
                cr.getMetadata().setAnnotations(annotations);
                return cr;
            }));
            caches.wrote(edited, cached);
            return edited == null ? current : toDomain(edited);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND && effects.contains(Effect.REMOVE_FINALIZER)) {
                return current;
            }
            throw e;
        }
    }

    /**
     * Creates the host unless one of that name exists. Status cannot be written by a create (it is a subresource), so
     * a status backup the host carries (a discovered host linked to its back-end node) goes into metal3's status
     * annotation, from which the first reconcile restores it.
     */
    @Override
    public Optional<Host> createIfAbsent(Host host) {
        BareMetalHost cr = new BareMetalHost();
        Map<String, String> annotations = host.annotations().statusBackup()
                .map(s -> Map.of(HostAnnotationCodec.STATUS, HostAnnotationCodec.statusBackup(s, host.id().namespace()))).orElse(null);
        cr.setMetadata(new ObjectMetaBuilder().withNamespace(host.id().namespace()).withName(host.id().name())
                .withLabels(host.labels().isEmpty() ? null : new HashMap<>(host.labels()))
                .withAnnotations(annotations == null ? null : new HashMap<>(annotations)).build());
        cr.setSpec(HostSpecMapper.toWire(host.spec(), null));
        try {
            return Optional.of(toDomain(api().inNamespace(host.id().namespace()).resource(cr).create()));
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Puts our finalizer on the host just before its first back-end call, and takes metal3's off in the same write.
     * Not when the host is first seen: a thousand hosts created at once would spend the client's whole request budget
     * on finalizers before any of them registered (issue 14), and a host that never reached the back-end has nothing
     * to clean up. A paused host never gets here (it makes no back-end call), so clusterctl move can delete it.
     */
    @Override
    public Host holdForCleanup(Host host) {
        BareMetalHost cr = read(host.id()).orElseThrow(() -> new ConflictException("host " + host.id() + " no longer exists"));
        if (cr.isMarkedForDeletion() || cr.hasFinalizer(FINALIZER) && !cr.hasFinalizer(METAL3_FINALIZER)) {
            return host;
        }
        try {
            return toDomain(patchFinalizers(cr, host.revision()));
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                throw new ConflictException("host " + host.id() + " changed before its finalizer was added: " + e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Adopts a host migrated from metal3 as soon as it is seen: our finalizer replaces metal3's in one write, so that
     * deleting it waits for our cleanup only. Our controller does this itself, not java-operator-sdk, so that a paused
     * host is never given it (see BareMetalHostController).
     */
    public void takeFinalizer(BareMetalHost cr) {
        try {
            // a 409 (changed since read) needs nothing: the newer version is reconciled next
            patchFinalizers(cr, cr.getMetadata().getResourceVersion());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT && e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
    }

    /** Our finalizer on, metal3's off, locked on {@code resourceVersion}; no GET first. */
    private BareMetalHost patchFinalizers(BareMetalHost cr, String resourceVersion) {
        List<String> finalizers = cr.getMetadata().getFinalizers() == null ? new ArrayList<>() : new ArrayList<>(cr.getMetadata().getFinalizers());
        finalizers.remove(METAL3_FINALIZER);
        if (!finalizers.contains(FINALIZER)) {
            finalizers.add(FINALIZER);
        }
        ArrayNode ops = JsonNodeFactory.instance.arrayNode();
        ops.addObject().put("op", "replace").put("path", "/metadata/resourceVersion").put("value", resourceVersion);
        ArrayNode value = ops.addObject().put("op", "add").put("path", "/metadata/finalizers").putArray("value");
        finalizers.forEach(value::add);
        HostId id = HostMapper.id(cr);
        BareMetalHost updated = api().inNamespace(id.namespace()).resource(cr).patch(StatusPatch.JSON_PATCH, ops.toString());
        caches.wrote(updated, cr);
        return updated;
    }

    /**
     * Reports that {@code cr} cannot be read: sets operationalStatus, errorType, errorMessage, errorCount and
     * lastUpdated, and nothing else (the rest of the status may be what cannot be read). Locked on the
     * resourceVersion of {@code cr}.
     *
     * @throws ConflictException when the host changed since {@code cr} was read
     */
    public void writeUnreadable(BareMetalHost cr, ErrorType type, String message, int errorCount, Instant now) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("operationalStatus", OperationalStatus.ERROR.wireName());
        fields.put("errorType", type.wireName());
        fields.put("errorMessage", message);
        fields.put("errorCount", errorCount);
        fields.put("lastUpdated", now.toString());
        String patch = StatusPatch.settingFields(cr.getMetadata().getResourceVersion(), cr.getStatus() != null, fields);
        HostId id = HostMapper.id(cr);
        BareMetalHost updated = Conflicts.guard("status of host " + id,
                () -> api().inNamespace(id.namespace()).resource(cr).subresource("status").patch(StatusPatch.JSON_PATCH, patch));
        caches.wrote(updated, cr);
    }

    /**
     * metal3's status backup: while a host is paused (e.g. for {@code clusterctl move}, which does not copy status),
     * keep a copy of its status in the {@code baremetalhost.metal3.io/status} annotation. Never writes an empty
     * status over a backup. Returns true when it wrote.
     */
    public boolean backUpStatus(HostId id) {
        BareMetalHost cr = read(id).orElse(null);
        if (cr == null) {
            return false;
        }
        Host host = toDomain(cr);
        if (host.status().isEmpty()) {
            return false;
        }
        String value = HostAnnotationCodec.statusBackup(host.status(), id.namespace());
        Map<String, String> annotations = cr.getMetadata().getAnnotations();
        if (annotations != null && value.equals(annotations.get(HostAnnotationCodec.STATUS))) {
            return false;
        }
        BareMetalHost edited = Conflicts.retryingEdit("status backup of host " + id, () -> api().inNamespace(id.namespace()).withName(id.name()).edit(c -> {
            Map<String, String> a = c.getMetadata().getAnnotations() == null ? new HashMap<>() : new HashMap<>(c.getMetadata().getAnnotations());
            a.put(HostAnnotationCodec.STATUS, value);
            c.getMetadata().setAnnotations(a);
            return c;
        }));
        caches.wrote(edited, cr);
        return true;
    }

    private static boolean sameJson(Object a, Object b) {
        return io.metalkube.kubernetes.support.Json.tree(a).equals(io.metalkube.kubernetes.support.Json.tree(b));
    }
}
