package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationHistory;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accumulates one decision: status edits, events, effects, an operation and the requeue. */
final class Step {

    private final Host host;
    private final Instant now;
    private HostStatus status;
    private final List<Transition> transitions = new ArrayList<>();
    private final List<HostEvent> events = new ArrayList<>();
    private final List<Effect> effects = new ArrayList<>();
    private Operation operation;
    private Duration requeue;

    Step(Host host, Instant now) {
        this.host = host;
        this.now = now;
        this.status = host.status();
    }

    HostStatus status() {
        return status;
    }

    Instant now() {
        return now;
    }

    Step status(HostStatus next) {
        this.status = next;
        return this;
    }

    /**
     * Moves to another provisioning state and records operation history. The change is reported by an event of the
     * status write that stores it ({@link StateChangeEvents}): the step's own event, else a "StateChanged" event.
     */
    Step moveTo(ProvisioningState next) {
        ProvisioningState from = status.state();
        if (from == next) {
            return this;
        }
        OperationHistory history = status.operationHistory();
        history = endIfLeaving(history, from, next);
        OperationHistory.Kind starts = historyKind(next);
        if (starts != null) {
            history = history.with(starts, history.span(starts).started(now));
        }
        OperationalStatus op = status.operationalStatus() == OperationalStatus.DELAYED ? OperationalStatus.OK : status.operationalStatus();
        status = status.withState(next).withOperationHistory(history).withOperationalStatus(op);
        transitions.add(new Transition(from, next));
        return this;
    }

    private OperationHistory endIfLeaving(OperationHistory history, ProvisioningState from, ProvisioningState next) {
        OperationHistory.Kind ends = historyKind(from);
        if (ends != null && ends != historyKind(next) && history.span(ends).start() != null && history.span(ends).end() == null) {
            return history.with(ends, history.span(ends).ended(now));
        }
        return history;
    }

    private static OperationHistory.Kind historyKind(ProvisioningState state) {
        return switch (state) {
            case REGISTERING -> OperationHistory.Kind.REGISTER;
            case INSPECTING -> OperationHistory.Kind.INSPECT;
            case PROVISIONING -> OperationHistory.Kind.PROVISION;
            case DEPROVISIONING -> OperationHistory.Kind.DEPROVISION;
            default -> null;
        };
    }

    /** Records a failure unless the very same error is already recorded (so static problems do not count up). */
    Step failOnce(ErrorType type, String message) {
        if (status.errorType() == type && status.errorMessage().equals(message)) {
            return this;
        }
        return fail(type, message);
    }

    /** Records a failed attempt: errorType, message, errorCount + 1, and an event named after the error type. */
    Step fail(ErrorType type, String message) {
        status = status.withError(type, message);
        events.add(HostEvent.warning(type.eventReason(), message));
        return this;
    }

    Step succeed() {
        status = status.withoutError();
        return this;
    }

    Step event(HostEvent event) {
        events.add(event);
        return this;
    }

    Step effect(Effect effect) {
        if (!effects.contains(effect)) {
            effects.add(effect);
        }
        return this;
    }

    Step perform(Operation op) {
        this.operation = op;
        return this;
    }

    Step requeue(Duration after) {
        this.requeue = after;
        return this;
    }

    /** The requeue set so far, or null. */
    Duration requeueAfter() {
        return requeue;
    }

    Step requeueNow() {
        return requeue(Duration.ZERO);
    }

    Decision done() {
        HostStatus out = status.sameAs(host.status()) ? host.status() : status.withLastUpdated(now);
        return new Decision(out, transitions, events, effects, Optional.ofNullable(operation), Optional.ofNullable(requeue));
    }
}
