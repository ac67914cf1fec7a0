package io.metalkube.kubernetes.store;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineStatus;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.kubernetes.crd.OpenShiftMachine;
import io.metalkube.kubernetes.mapping.OpenShiftMachineMapper;

import java.time.Clock;
import java.util.Optional;

/**
 * Port implementation (MachineStore): OpenShift's machine.openshift.io/v1beta1 Machines on the API server
 * ({@link MachineObjectStore}), with their status written as OpenShift's baremetal actuator writes it
 * ({@link OpenShiftMachineMapper}).
 */
public final class OpenShiftMachineStore extends MachineObjectStore<OpenShiftMachine> {

    /**
     * The finalizer JOSDK adds (the controller is a Cleaner). OpenShift's own, "machine.machine.openshift.io", has no
     * path, which java-operator-sdk refuses; this one is in the same domain, with one.
     */
    public static final String FINALIZER = "machine.machine.openshift.io/metalkube";

    public OpenShiftMachineStore(KubernetesClient client, KubernetesEvents events, Clock clock) {
        super(client, events, clock, OpenShiftMachine.class, OpenShiftMachine.API_VERSION, OpenShiftMachine.KIND, FINALIZER);
    }

    @Override
    Optional<OpenShiftMachine> cached(MachineId id) {
        return caches.openShiftMachine(id.namespace(), id.name());
    }

    @Override
    boolean cacheServes() {
        return caches.servesOpenShiftMachines();
    }

    @Override
    MachineView toView(OpenShiftMachine machine) {
        return OpenShiftMachineMapper.toView(machine);
    }

    @Override
    Object toWireStatus(MachineStatus status, OpenShiftMachine machine) {
        return OpenShiftMachineMapper.toWire(status, machine.getStatus());
    }
}
