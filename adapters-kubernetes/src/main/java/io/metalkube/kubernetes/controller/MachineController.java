package io.metalkube.kubernetes.controller;

import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.kubernetes.crd.Machine;
import io.metalkube.kubernetes.crd.ObjectReference;
import io.metalkube.kubernetes.mapping.MachineMapper;
import io.metalkube.kubernetes.store.InformerCaches;
import io.metalkube.kubernetes.store.KubernetesEvents;

/** Driving adapter: the Machine actuator for the seed's cluster.k8s.io/v1alpha1 Machines ({@link MachineReconciler}). */
public final class MachineController extends MachineReconciler<Machine> {

    /** MachineClaimer's errorReason while no host matches. */
    static final String NO_HOST = "NoHostAvailable";

    private final InformerCaches caches;
    private final Object owner;

    /** {@code caches}/{@code owner}: this controller's primary (Machine) cache is shared with the Machine store. */
    public MachineController(ReconcileMachineUseCase machines, KubernetesEvents events, InformerCaches caches, Object owner) {
        super(machines, events, Machine.class, Machine.API_VERSION, Machine.KIND);
        this.caches = caches;
        this.owner = owner;
    }

    @Override
    MachineId id(Machine machine) {
        return MachineMapper.id(machine);
    }

    @Override
    boolean waitingForHost(Machine m) {
        return m.getStatus() != null && NO_HOST.equals(m.getStatus().errorReason);
    }

    @Override
    void bindCache(IndexerResourceCache<Machine> cache) {
        caches.bindMachines(owner, cache);
    }

    /** The seed's hosts may name their Machine without an apiVersion; OpenShift's always carry theirs. */
    @Override
    boolean names(ObjectReference ref) {
        return sameType(ref, true);
    }
}
