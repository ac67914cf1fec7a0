package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
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
import io.metalkube.kubernetes.crd.Machine;
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
 * Port implementation (MachineStore): cluster.k8s.io/v1alpha1 Machines on the API server. The chosen host is
 * recorded as the {@code metal3.io/BareMetalHost} annotation with a resourceVersion-checked PUT; status goes
 * through the status subresource only when it changed (a JSON patch locked on the resourceVersion read), the release
 * removes the Machine's finalizer. Reads come from the operator's informer cache while it runs ({@link InformerCaches}).
 */
public final class KubernetesMachineStore implements MachineStore {

    /** cluster-api v1alpha1's Machine finalizer; JOSDK adds it (the Machine controller is a Cleaner). */
    public static final String FINALIZER = "machine.cluster.k8s.io/finalizer";

    private final KubernetesClient client;
    private final KubernetesEvents events;
    private final Clock clock;
    private final InformerCaches caches;

    public KubernetesMachineStore(KubernetesClient client, KubernetesEvents events, Clock clock) {
        this.client = client;
        this.events = events;
        this.clock = clock;
        this.caches = InformerCaches.of(client);
    }

    private MixedOperation<Machine, KubernetesResourceList<Machine>, Resource<Machine>> api() {
        return client.resources(Machine.class);
    }

    private Optional<Machine> read(MachineId id) {
        Machine m = caches.serving() ? caches.machine(id.namespace(), id.name()).orElse(null)
                : api().inNamespace(id.namespace()).withName(id.name()).get();
        if (m != null) {
            events.remember(Machine.KIND, id.namespace(), id.name(), m.getMetadata().getUid());
        }
        return Optional.ofNullable(m);
    }

    @Override
    public Optional<MachineView> find(MachineId id) {
        return read(id).map(m -> {
            try {
                return MachineMapper.toView(m);
            } catch (UnreadableFieldException e) {
                throw e.in(Machine.KIND + " " + id.namespace() + "/" + id.name());
            }
        });
    }

    @Override
    public MachineView recordChosenHost(MachineView machine, HostId host) {
        Machine cached = read(machine.id()).orElseThrow(() -> new ConflictException("Machine " + machine.id() + " no longer exists"));
        if (!Objects.equals(cached.getMetadata().getResourceVersion(), machine.revision())) {
            throw new ConflictException("Machine " + machine.id() + " changed since it was read (resourceVersion "
                    + machine.revision() + ", now " + cached.getMetadata().getResourceVersion() + ")");
        }
        Machine m = client.getKubernetesSerialization().clone(cached);
        Map<String, String> annotations = m.getMetadata().getAnnotations() == null ? new HashMap<>() : new HashMap<>(m.getMetadata().getAnnotations());
        if (host == null) {
            annotations.remove(MachineMapper.CHOSEN_HOST);
        } else {
            annotations.put(MachineMapper.CHOSEN_HOST, MachineMapper.chosenHost(host));
        }
        m.getMetadata().setAnnotations(annotations);
        Machine updated = Conflicts.guard("Machine " + machine.id(), () -> api().inNamespace(machine.id().namespace()).resource(m).update());
        caches.wrote(updated, cached);
        return machine.withChosenHost(host, updated.getMetadata().getResourceVersion());
    }

    @Override
    public void writeStatus(MachineView machine, MachineStatus status) {
        Machine m = read(machine.id()).orElseThrow(() -> new ConflictException("Machine " + machine.id() + " no longer exists"));
        var before = m.getStatus();
        var after = MachineMapper.toWire(status, before);
        if (Json.tree(before).equals(Json.tree(after))) {
            return;
        }
        after.lastUpdated = clock.instant().toString();
        String patch = StatusPatch.replacing(client.getKubernetesSerialization(), m.getMetadata().getResourceVersion(), after);
        // resource(m): with only a name, fabric8 GETs the object before a string patch
        Machine updated = Conflicts.guard("status of Machine " + machine.id(), () -> api().inNamespace(machine.id().namespace())
                .resource(m).subresource("status").patch(StatusPatch.JSON_PATCH, patch));
        caches.wrote(updated, m);
    }

    @Override
    public void publish(MachineView machine, HostEvent event) {
        events.publish(machine.id(), event);
    }

    @Override
    public void releaseComplete(MachineView machine) {
        try {
            Conflicts.retryingEdit("finalizer of Machine " + machine.id(), () -> api().inNamespace(machine.id().namespace())
                    .withName(machine.id().name()).edit(m -> {
                        if (m.getMetadata().getFinalizers() != null) {
                            m.getMetadata().getFinalizers().remove(FINALIZER);
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
