package io.metalkube.bootstrap.metrics;

import io.metalkube.application.port.out.Backend;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Decorates every back-end port with call latency ({@code metalkube_backend_call_seconds}, tagged back-end,
 * operation and outcome) and errors ({@code metalkube_backend_errors_total}, tagged with the error kind). Each
 * outcome also goes to {@link BackendReachability}, which the readiness check reads.
 */
public final class MeteredBackend {

    private final MeterRegistry registry;
    private final String name;
    private final BackendReachability reachability;

    private MeteredBackend(MeterRegistry registry, String name, BackendReachability reachability) {
        this.registry = registry;
        this.name = name;
        this.reachability = reachability;
    }

    /** The same back-end with every call measured; {@code reachability} sees each outcome. */
    public static Backend wrap(Backend backend, MeterRegistry registry, BackendReachability reachability) {
        MeteredBackend metered = new MeteredBackend(registry, backend.name(), reachability);
        return backend.around(metered::measure);
    }

    private Outcome measure(Operation op, Supplier<Outcome> call) {
        long start = System.nanoTime();
        String outcome = "exception";
        try {
            Outcome result = call.get();
            outcome = label(result);
            reachability.observed(result);
            return result;
        } catch (RuntimeException e) {
            reachability.observed(new Outcome.Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage()));
            throw e;
        } finally {
            Timer.builder("metalkube.backend.call").description("Back-end call latency")
                    .tag("backend", name).tag("operation", op.kind()).tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (outcome.equals("failed") || outcome.equals("unavailable") || outcome.equals("exception")) {
                registry.counter("metalkube.backend.errors", "backend", name, "operation", op.kind(), "kind", outcome).increment();
            }
        }
    }

    static String label(Outcome o) {
        return switch (o) {
            case null -> "none";
            case Outcome.Failed f -> "failed";
            case Outcome.Unavailable u -> "unavailable";
            case Outcome.InProgress p -> "in_progress";
            default -> "done";
        };
    }
}
