package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static io.metalkube.domain.lifecycle.LifecycleFixture.LIFECYCLE;
import static io.metalkube.domain.lifecycle.LifecycleFixture.apply;

/** A control loop in miniature: plan, answer the operation like a back-end would, conclude, wait the requeue. */
final class Simulation {

    /** One reconcile: what was planned, what the back-end was asked and answered, and what was concluded. */
    record Round(Host before, Decision planned, Optional<Operation> operation, Optional<Outcome> outcome, Decision last, Host after) {
        boolean removedFinalizer() {
            return planned.effects().contains(Effect.REMOVE_FINALIZER) || last.effects().contains(Effect.REMOVE_FINALIZER);
        }
    }

    private Host host;
    private Instant now;
    private Observation observation;
    private final List<String> trace = new ArrayList<>();

    Simulation(Host host, Observation observation, Instant start) {
        this.host = host;
        this.observation = observation;
        this.now = start;
    }

    Host host() {
        return host;
    }

    Instant now() {
        return now;
    }

    List<String> trace() {
        return trace;
    }

    void edit(Function<Host, Host> change, String what) {
        host = change.apply(host);
        trace.add("edit: " + what);
    }

    void observe(Observation next) {
        observation = next;
    }

    Observation observation() {
        return observation;
    }

    /** Reconciles once; {@code backEnd} answers the operation, if one is asked for. */
    Round reconcile(Function<Operation, Outcome> backEnd) {
        Host before = host;
        Decision planned = LIFECYCLE.plan(host, observation, now);
        host = apply(host, planned);
        Decision last = planned;
        Optional<Outcome> outcome = Optional.empty();
        if (planned.operation().isPresent()) {
            Outcome answer = backEnd.apply(planned.operation().get());
            outcome = Optional.of(answer);
            last = LIFECYCLE.conclude(host, planned.operation().get(), answer, now);
            host = apply(host, last);
        }
        trace.add(before.state().wireName() + " --" + planned.operation().map(Operation::kind).orElse("-")
                + outcome.map(o -> "/" + o.getClass().getSimpleName()).orElse("") + "--> " + host.state().wireName()
                + " errors=" + host.status().errorCount());
        Duration wait = last.requeue().orElse(Duration.ofMinutes(1));
        now = now.plus(wait.isZero() ? Duration.ofSeconds(1) : wait);
        return new Round(before, planned, planned.operation(), outcome, last, host);
    }
}
