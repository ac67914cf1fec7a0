package io.metalkube.application.port.in;

import java.time.Duration;
import java.util.Optional;

/**
 * How a reconcile ended.
 *
 * @param requeue when to reconcile again; empty means only on the next change
 * @param gone    the object no longer exists (or was released for deletion)
 */
public record ReconcileResult(Optional<Duration> requeue, boolean gone) {

    public static ReconcileResult after(Duration d) {
        return new ReconcileResult(Optional.of(d), false);
    }

    public static ReconcileResult idle() {
        return new ReconcileResult(Optional.empty(), false);
    }

    public static ReconcileResult finished() {
        return new ReconcileResult(Optional.empty(), true);
    }
}
