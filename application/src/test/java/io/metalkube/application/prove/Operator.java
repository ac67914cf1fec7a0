package io.metalkube.application.prove;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.application.service.HostReconciler;
import io.metalkube.application.service.MachineClaimer;
import io.metalkube.domain.host.HostId;

/** One operator instance: the two reconcilers as the controller would run them, and its view of the back-end. */
record Operator(HostReconciler hostReconciler, MachineClaimer claimer, FaultyBackend backend) {

    /** Reconciles a {@link HostId} or a {@link MachineId}. */
    ReconcileResult reconcile(Object key) {
        return switch (key) {
            case HostId h -> hostReconciler.reconcile(h);
            case MachineId m -> claimer.reconcile(m);
            default -> throw new IllegalArgumentException("not a reconcilable key: " + key);
        };
    }
}
