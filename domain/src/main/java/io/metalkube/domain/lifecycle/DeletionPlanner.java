package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.DetachRequest;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;

import java.time.Instant;

import static io.metalkube.domain.host.ProvisioningState.*;

/**
 * Deletion always terminates (metal3's checkInitiateDelete, metal3-anchors.md §1.8.2): provisioned hosts are
 * deprovisioned, others powered off, then removed from the back-end; a detached host (unless its annotation delays
 * the deletion) or one the back-end never knew (never registered, or detached) skips straight to the end, a host with spec.disablePowerOff is never powered off, and each phase is given up after {@link LifecycleTimings#maxDeleteFailures()} failures.
 */
final class DeletionPlanner {

    private final Backoff backoff;

    DeletionPlanner(LifecycleTimings timings, Backoff backoff) {
        this.backoff = backoff;
    }

    /**
     * metal3's delayDeleteForDetachedHost: a detached host is not deleted while its annotation says
     * {@code deleteAction: delay}, nor while the annotation is gone (so that the host can be attached again first).
     */
    static boolean delayedForDetached(Host host) {
        if (host.state() == DELETING || host.status().operationalStatus() != OperationalStatus.DETACHED) {
            return false;
        }
        return host.annotations().detached().map(d -> d.deleteAction() == DetachRequest.DeleteAction.DELAY).orElse(true);
    }

    Decision plan(Host host, Lifecycle.Access access, Step step, Instant now) {
        ProvisioningState state = host.state();
        HostStatus status = host.status();
        // only a detach that happened counts (metal3 checks the operational status, not the annotation)
        boolean detached = status.operationalStatus() == OperationalStatus.DETACHED;
        boolean unknownToBackEnd = status.provisioning().id().isEmpty() && status.goodCredentials() == null;
        if (state != DELETING && (detached || unknownToBackEnd || state == NONE || state == UNMANAGED || state == REGISTERING)) {
            return step.succeed().moveTo(DELETING).requeueNow().done();
        }
        return switch (state) {
            case PROVISIONING, PROVISIONED -> step.succeed().moveTo(DEPROVISIONING)
                    .event(HostEvent.normal("DeprovisioningStarted", "host is being deleted")).requeueNow().done();
            case DEPROVISIONING -> {
                if (!access.usable()) {
                    yield step.succeed().moveTo(DELETING)
                            .event(HostEvent.warning("DeprovisioningSkipped", "no usable BMC address or credentials; deleting without deprovisioning"))
                            .requeueNow().done();
                }
                yield gated(host, step) ? step.done()
                        : step.perform(new Operation.Deprovision(access.target(), host.spec().automatedCleaningMode())).done();
            }
            case POWERING_OFF_BEFORE_DELETE -> {
                if (host.spec().disablePowerOff()) {
                    // metal3's actionPowerOffBeforeDeleting: "skipping host power off as power off has been disabled"
                    yield step.succeed().moveTo(DELETING)
                            .event(HostEvent.normal("PowerOffSkipped", "spec.disablePowerOff is true: the host is deleted without powering it off"))
                            .requeueNow().done();
                }
                if (!access.usable()) {
                    yield step.succeed().moveTo(DELETING)
                            .event(HostEvent.warning("PowerOffSkipped", "no usable BMC address or credentials; deleting without powering off"))
                            .requeueNow().done();
                }
                yield gated(host, step) ? step.done()
                        : step.perform(new Operation.PowerOff(access.target(), PowerOffMode.HARD)).done();
            }
            case DELETING -> {
                if (detached || (status.provisioning().id().isEmpty() && status.goodCredentials() == null)) {
                    yield step.effect(Effect.REMOVE_FINALIZER)
                            .event(HostEvent.normal("Deleted", detached ? "detached host deleted without touching the back-end" : "host deleted"))
                            .done();
                }
                yield gated(host, step) ? step.done() : step.perform(new Operation.Delete(access.target())).done();
            }
            default -> step.succeed().moveTo(POWERING_OFF_BEFORE_DELETE).requeueNow().done();
        };
    }

    private boolean gated(Host host, Step step) {
        return Lifecycle.BackoffGate.waiting(host, step, backoff);
    }
}
