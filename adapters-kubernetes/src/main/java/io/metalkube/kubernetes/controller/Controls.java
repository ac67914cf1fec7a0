package io.metalkube.kubernetes.controller;

import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.metalkube.application.port.in.ReconcileResult;

import java.time.Duration;

/** Use-case results to JOSDK controls. The use cases write through the ports; JOSDK never patches the resource. */
final class Controls {

    /** While deleting, poll at least this often even if the use case named no requeue. */
    static final Duration DELETE_POLL = Duration.ofSeconds(2);

    private Controls() {
    }

    static <P extends HasMetadata> UpdateControl<P> update(ReconcileResult r) {
        UpdateControl<P> c = UpdateControl.noUpdate();
        return r.requeue().map(d -> c.rescheduleAfter(d.toMillis())).orElse(c);
    }

    /** For a controller that holds its own finalizer: deleting, poll at least every {@link #DELETE_POLL}. */
    static <P extends HasMetadata> UpdateControl<P> whileDeleting(ReconcileResult r) {
        UpdateControl<P> c = UpdateControl.noUpdate();
        return r.gone() ? c : c.rescheduleAfter(r.requeue().orElse(DELETE_POLL).toMillis());
    }

    /** The ports remove the finalizer themselves (REMOVE_FINALIZER, releaseComplete): JOSDK must not patch again. */
    static DeleteControl delete(ReconcileResult r) {
        if (r.gone()) {
            return DeleteControl.noFinalizerRemoval();
        }
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(r.requeue().orElse(DELETE_POLL).toMillis());
    }
}
