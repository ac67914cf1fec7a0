package io.metalkube.bootstrap.metrics;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.port.in.ReconcileMachineUseCase;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.domain.host.HostId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.function.Supplier;

/**
 * Decorates the inbound use cases with {@code metalkube_reconcile_seconds}, tagged controller (host, machine) and
 * result (requeue, idle, finished, error).
 */
public final class TimedReconciles {

    private TimedReconciles() {
    }

    public static ReconcileHostUseCase hosts(ReconcileHostUseCase delegate, MeterRegistry registry) {
        return (HostId id) -> time(registry, "host", () -> delegate.reconcile(id));
    }

    public static ReconcileMachineUseCase machines(ReconcileMachineUseCase delegate, MeterRegistry registry) {
        return (MachineId id) -> time(registry, "machine", () -> delegate.reconcile(id));
    }

    private static ReconcileResult time(MeterRegistry registry, String controller, Supplier<ReconcileResult> call) {
        Timer.Sample sample = Timer.start(registry);
        String result = "error";
        try {
            ReconcileResult r = call.get();
            result = r.gone() ? "finished" : r.requeue().isPresent() ? "requeue" : "idle";
            return r;
        } finally {
            sample.stop(Timer.builder("metalkube.reconcile").description("Reconcile duration")
                    .tag("controller", controller).tag("result", result).register(registry));
        }
    }
}
