package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.mapping.MachineMapper;

import java.time.Clock;
import java.util.Optional;

/** Port implementation (MachineStore): cluster.k8s.io/v1alpha1 Machines on the API server ({@link MachineObjectStore}). */
public final class KubernetesMachineStore extends MachineObjectStore<Machine> {

    /** cluster-api v1alpha1's Machine finalizer; JOSDK adds it (the Machine controller is a Cleaner). */
    public static final String FINALIZER = "machine.cluster.k8s.io/finalizer";

    public KubernetesMachineStore(KubernetesClient client, KubernetesEvents events, Clock clock) {
        super(client, events, clock, Machine.class, Machine.API_VERSION, Machine.KIND, FINALIZER);
    }

    @Override
    Optional<Machine> cached(MachineId id) {
        return caches.machine(id.namespace(), id.name());
    }

    @Override
    boolean cacheServes() {
        return caches.serving();
    }

    @Override
    MachineView toView(Machine machine) {
        return MachineMapper.toView(machine);
    }

    @Override
    Object toWireStatus(MachineStatus status, Machine machine) {
        return MachineMapper.toWire(status, machine.getStatus());
    }
}
