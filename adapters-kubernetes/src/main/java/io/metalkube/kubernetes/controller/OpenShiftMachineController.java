package io.metalkube.kubernetes.controller;

import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.kubernetes.crd.ObjectReference;
import io.metalkube.kubernetes.crd.OpenShiftMachine;
import io.metalkube.kubernetes.mapping.OpenShiftMachineMapper;
import io.metalkube.kubernetes.store.InformerCaches;
import io.metalkube.kubernetes.store.KubernetesEvents;

/**
 * Driving adapter: the Machine actuator for OpenShift's machine.openshift.io/v1beta1 Machines ({@link MachineReconciler}),
 * registered only when the API server serves that type (see KubernetesOperator).
 */
public final class OpenShiftMachineController extends MachineReconciler<OpenShiftMachine> {

    private final InformerCaches caches;
    private final Object owner;

    public OpenShiftMachineController(ReconcileMachineUseCase machines, KubernetesEvents events, InformerCaches caches, Object owner) {
        super(machines, events, OpenShiftMachine.class, OpenShiftMachine.API_VERSION, OpenShiftMachine.KIND);
        this.caches = caches;
        this.owner = owner;
    }

    @Override
    MachineId id(OpenShiftMachine machine) {
        return OpenShiftMachineMapper.id(machine);
    }

    @Override
    boolean waitingForHost(OpenShiftMachine m) {
        return OpenShiftMachineMapper.waitingForHost(m);
    }

    @Override
    void bindCache(IndexerResourceCache<OpenShiftMachine> cache) {
        caches.bindOpenShiftMachines(owner, cache);
    }

    @Override
    boolean names(ObjectReference ref) {
        return sameType(ref, false);
    }
}
