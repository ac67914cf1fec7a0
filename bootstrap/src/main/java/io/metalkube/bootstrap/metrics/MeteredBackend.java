package io.metalkube.bootstrap.metrics;

import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.application.port.out.PowerControl;
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
        return new MeteredBackend(registry, backend.name(), reachability).decorate(backend);
    }

    private Backend decorate(Backend b) {
        HostRegistration registration = new HostRegistration() {
            @Override public Outcome register(Operation.Register r) { return measure(r, () -> b.registration().register(r)); }
            @Override public Outcome delete(Operation.Delete d) { return measure(d, () -> b.registration().delete(d)); }
            @Override public Outcome detach(Operation.Detach d) { return measure(d, () -> b.registration().detach(d)); }
        };
        HostInspection inspection = i -> measure(i, () -> b.inspection().inspect(i));
        HostProvisioning provisioning = new HostProvisioning() {
            @Override public Outcome provision(Operation.Provision p) { return measure(p, () -> b.provisioning().provision(p)); }
            @Override public Outcome deprovision(Operation.Deprovision d) { return measure(d, () -> b.provisioning().deprovision(d)); }
        };
        PowerControl power = new PowerControl() {
            @Override public Outcome readPower(Operation.ReadPower r) { return measure(r, () -> b.power().readPower(r)); }
            @Override public Outcome powerOn(Operation.PowerOn p) { return measure(p, () -> b.power().powerOn(p)); }
            @Override public Outcome powerOff(Operation.PowerOff p) { return measure(p, () -> b.power().powerOff(p)); }
            @Override public Outcome reboot(Operation.Reboot r) { return measure(r, () -> b.power().reboot(r)); }
        };
        return new Backend(b.name(), registration, inspection, provisioning, power);
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
