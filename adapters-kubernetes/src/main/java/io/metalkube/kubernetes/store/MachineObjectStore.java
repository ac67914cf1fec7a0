package io.metalkube.kubernetes.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.out.ConflictException;
import io.metalkube.application.port.out.MachineStore;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.kubernetes.mapping.MachineMapper;
import io.metalkube.kubernetes.mapping.UnreadableFieldException;
import io.metalkube.kubernetes.support.Json;

import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Port implementation (MachineStore) for one flavour of Machine custom resource: the chosen host is recorded as the
 * {@code metal3.io/BareMetalHost} annotation with a resourceVersion-checked PUT; status goes through the status
 * subresource only when it changed (a JSON patch locked on the resourceVersion read); the release removes the
 * Machine's finalizer. Reads come from the operator's informer cache while it runs ({@link InformerCaches}).
 * A subclass names the type and maps it ({@link KubernetesMachineStore}, {@link OpenShiftMachineStore}).
 */
abstract class MachineObjectStore<M extends CustomResource<?, ?>> implements MachineStore {

    private final KubernetesClient client;
    private final KubernetesEvents events;
    private final Clock clock;
    final InformerCaches caches;
    private final Class<M> type;
    private final String apiVersion;
    private final String kind;
    private final String finalizer;

    MachineObjectStore(KubernetesClient client, KubernetesEvents events, Clock clock, Class<M> type, String apiVersion, String kind,
                       String finalizer) {
        this.client = client;
        this.events = events;
        this.clock = clock;
        this.caches = InformerCaches.of(client);
        this.type = type;
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.finalizer = finalizer;
    }

    /** The Machine from the informer cache, or empty when the cache does not serve this flavour (read the API server). */
    abstract Optional<M> cached(MachineId id);

    abstract boolean cacheServes();

    abstract MachineView toView(M machine);

    /** The wire status for {@code status}, carrying over what MetalKube does not own; lastUpdated is set by the store. */
    abstract Object toWireStatus(MachineStatus status, M machine);

    private MixedOperation<M, KubernetesResourceList<M>, Resource<M>> api() {
        return client.resources(type);
    }

    private Optional<M> read(MachineId id) {
        M m = cacheServes() ? cached(id).orElse(null) : api().inNamespace(id.namespace()).withName(id.name()).get();
        if (m != null) {
            events.remember(apiVersion, kind, id.namespace(), id.name(), m.getMetadata().getUid());
        }
        return Optional.ofNullable(m);
    }

    @Override
    public Optional<MachineView> find(MachineId id) {
        return read(id).map(m -> {
            try {
                return toView(m);
            } catch (UnreadableFieldException e) {
                throw e.in(kind + " " + id.namespace() + "/" + id.name() + " (" + apiVersion + ")");
            }
        });
    }

    @Override
    public MachineView recordChosenHost(MachineView machine, HostId host) {
        M cached = read(machine.id()).orElseThrow(() -> new ConflictException("Machine " + machine.id() + " no longer exists"));
        if (!Objects.equals(cached.getMetadata().getResourceVersion(), machine.revision())) {
            throw new ConflictException("Machine " + machine.id() + " changed since it was read (resourceVersion "
                    + machine.revision() + ", now " + cached.getMetadata().getResourceVersion() + ")");
        }
        M m = client.getKubernetesSerialization().clone(cached);
        Map<String, String> annotations = m.getMetadata().getAnnotations() == null ? new HashMap<>() : new HashMap<>(m.getMetadata().getAnnotations());
        if (host == null) {
            annotations.remove(MachineMapper.CHOSEN_HOST);
        } else {
            annotations.put(MachineMapper.CHOSEN_HOST, MachineMapper.chosenHost(host));
        }
        m.getMetadata().setAnnotations(annotations);
        M updated = Conflicts.guard("Machine " + machine.id(), () -> api().inNamespace(machine.id().namespace()).resource(m).update());
        caches.wrote(updated, cached);
        return machine.withChosenHost(host, updated.getMetadata().getResourceVersion());
    }

    @Override
    public void writeStatus(MachineView machine, MachineStatus status) {
        M m = read(machine.id()).orElseThrow(() -> new ConflictException("Machine " + machine.id() + " no longer exists"));
        JsonNode before = Json.tree(m.getStatus());
        JsonNode after = Json.tree(toWireStatus(status, m));
        if (withoutLastUpdated(before).equals(withoutLastUpdated(after))) {
            return;
        }
        ((ObjectNode) after).put("lastUpdated", clock.instant().toString());
        String patch = StatusPatch.replacing(client.getKubernetesSerialization(), m.getMetadata().getResourceVersion(), after);
        // resource(m): with only a name, fabric8 GETs the object before a string patch
        M updated = Conflicts.guard("status of Machine " + machine.id(), () -> api().inNamespace(machine.id().namespace())
                .resource(m).subresource("status").patch(StatusPatch.JSON_PATCH, patch));
        caches.wrote(updated, m);
    }

    private static JsonNode withoutLastUpdated(JsonNode status) {
        if (status instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            copy.remove("lastUpdated");
            return copy;
        }
        return status;
    }

    @Override
    public void publish(MachineView machine, HostEvent event) {
        events.publish(apiVersion, kind, machine.id(), event);
    }

    @Override
    public void releaseComplete(MachineView machine) {
        try {
            Conflicts.retryingEdit("finalizer of Machine " + machine.id(), () -> api().inNamespace(machine.id().namespace())
                    .withName(machine.id().name()).edit(m -> {
                        if (m.getMetadata().getFinalizers() != null) {
                            m.getMetadata().getFinalizers().remove(finalizer);
                        }
                        return m;
                    }));
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
    }
}
