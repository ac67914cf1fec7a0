package io.metalkube.application.service;

import io.metalkube.application.port.in.ReconcileHostUseCase;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.application.port.out.ConflictException;
import io.metalkube.application.port.out.CredentialsLookup;
import io.metalkube.application.port.out.HostEventSink;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.application.port.out.ProvisioningCapacity;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.lifecycle.Capacity;
import io.metalkube.domain.lifecycle.CredentialsCheck;
import io.metalkube.domain.lifecycle.Decision;
import io.metalkube.domain.lifecycle.Effect;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.Observation;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.StateChangeEvents;
import io.metalkube.domain.lifecycle.Transition;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Use case: reconcile one host, in four named steps — observe (credentials, capacity), decide (the domain's
 * lifecycle), act (at most one back-end operation per step), record (status only when it changed, events, effects).
 * Before its first back-end operation a host is held for cleanup ({@link HostStore#holdForCleanup}: on Kubernetes the
 * finalizer), so a host that never reaches the back-end costs no such write and leaves at once when deleted.
 * Steps that need no waiting follow each other in one reconcile, and their status goes into one write: before an
 * operation that must find its state stored ({@link Operation#recordsStateFirst()}), when effects are due, and at
 * the end. Each write's events report the state changes it stores ({@link StateChangeEvents}). So a host that
 * passes through "preparing" to "available" costs one status write, not two (docs/decisions/0013-event-writes.md).
 */
public final class HostReconciler implements ReconcileHostUseCase {

    private static final System.Logger LOG = System.getLogger(HostReconciler.class.getName());
    private static final Duration AFTER_CONFLICT = Duration.ofMillis(200);
    /** Steps one reconcile takes at most before it writes and lets other hosts have the thread. */
    static final int MAX_STEPS = 12;

    private final HostStore hosts;
    private final CredentialsLookup credentials;
    private final ProvisioningCapacity capacity;
    private final OperationRunner backend;
    private final HostEventSink events;
    private final Lifecycle lifecycle;
    private final Clock clock;

    public HostReconciler(HostStore hosts, CredentialsLookup credentials, ProvisioningCapacity capacity,
                          OperationRunner backend, HostEventSink events, Lifecycle lifecycle, Clock clock) {
        this.hosts = hosts;
        this.credentials = credentials;
        this.capacity = capacity;
        this.backend = backend;
        this.events = events;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Override
    public ReconcileResult reconcile(HostId id) {
        Optional<Host> found = hosts.find(id);
        if (found.isEmpty()) {
            return ReconcileResult.finished();
        }
        try {
            return reconcile(found.get());
        } catch (ConflictException e) {
            LOG.log(Level.DEBUG, () -> "host " + id + " changed while reconciling; trying again: " + e.getMessage());
            return ReconcileResult.after(AFTER_CONFLICT);
        }
    }

    private ReconcileResult reconcile(Host stored) {
        Unrecorded unrecorded = new Unrecorded(stored);
        for (int steps = 1; ; steps++) {
            Host host = unrecorded.host();
            Decision decision = lifecycle.plan(host, observe(host), clock.instant());
            if (decision.operation().isPresent()) {
                Operation operation = decision.operation().get();
                unrecorded.add(decision);
                if (operation.recordsStateFirst() || !decision.effects().isEmpty()) {
                    unrecorded = record(unrecorded);
                }
                unrecorded = unrecorded.storedAs(hosts.holdForCleanup(unrecorded.stored()));
                Outcome outcome = act(operation);
                decision = lifecycle.conclude(unrecorded.host(), operation, outcome, clock.instant());
            }
            unrecorded.add(decision);
            boolean gone = decision.effects().contains(Effect.REMOVE_FINALIZER);
            if (!gone && decision.continuesNow() && steps < MAX_STEPS) {
                if (!decision.effects().isEmpty()) {
                    unrecorded = record(unrecorded);
                }
                continue;
            }
            record(unrecorded);
            return gone ? ReconcileResult.finished() : new ReconcileResult(decision.requeue(), false);
        }
    }

    /** Observe: the credentials Secret, and the provisioning limit when the lifecycle may need it. */
    private Observation observe(Host host) {
        String secret = host.spec().bmc().credentialsName();
        CredentialsCheck creds = host.annotations().paused() || secret.isBlank()
                ? new CredentialsCheck.NotRequested()
                : credentials.lookup(host.id(), secret);
        Capacity cap = lifecycle.mayNeedCapacity(host) ? capacity.check(host.id()) : Capacity.NOT_CHECKED;
        return new Observation(creds, cap);
    }

    /** Act: one back-end operation, never throwing. */
    private Outcome act(Operation operation) {
        return backend.run(operation);
    }

    /** Record: the status if it changed, then the events of the steps it records, then their effects. */
    private Unrecorded record(Unrecorded unrecorded) {
        Host stored = unrecorded.stored();
        if (!unrecorded.status().equals(stored.status())) {
            stored = hosts.writeStatus(stored, unrecorded.status());
        }
        unrecorded.log();
        for (HostEvent event : StateChangeEvents.of(unrecorded.steps())) {
            events.publish(stored.id(), event);
        }
        if (!unrecorded.effects().isEmpty()) {
            stored = hosts.apply(stored, unrecorded.effects());
        }
        return new Unrecorded(stored);
    }

    /** The host as stored, and the steps decided since that are not recorded yet (their status, events and effects). */
    private static final class Unrecorded {
        private final Host stored;
        private final List<Decision> steps = new ArrayList<>();
        private final List<HostStatus> before = new ArrayList<>();
        private HostStatus status;

        Unrecorded(Host stored) {
            this.stored = stored;
            this.status = stored.status();
        }

        Host stored() {
            return stored;
        }

        /** The same unrecorded steps over {@code newer}: the host as stored after a write that left its status alone. */
        Unrecorded storedAs(Host newer) {
            if (newer == stored) {
                return this;
            }
            Unrecorded moved = new Unrecorded(newer);
            moved.steps.addAll(steps);
            moved.before.addAll(before);
            moved.status = status;
            return moved;
        }

        /** The host as the next step sees it: stored, with the status decided so far. */
        Host host() {
            return status == stored.status() ? stored : stored.withStatus(status);
        }

        HostStatus status() {
            return status;
        }

        List<Decision> steps() {
            return steps;
        }

        void add(Decision decision) {
            before.add(status);
            steps.add(decision);
            status = decision.status();
        }

        List<Effect> effects() {
            List<Effect> all = new ArrayList<>();
            for (Decision d : steps) {
                d.effects().stream().filter(e -> !all.contains(e)).forEach(all::add);
            }
            return all;
        }

        /** One INFO line per state change and one WARNING per new error, once they are stored. */
        void log() {
            HostId id = stored.id();
            for (int i = 0; i < steps.size(); i++) {
                Decision d = steps.get(i);
                HostStatus was = before.get(i);
                for (Transition t : d.transitions()) {
                    LOG.log(Level.INFO, () -> "host " + id + ": " + label(t.from().wireName()) + " -> " + label(t.to().wireName()));
                }
                if (d.status().hasError() && !d.status().equals(was)) {
                    LOG.log(Level.WARNING, () -> "host " + id + ": " + d.status().errorType().wireName() + ": "
                            + d.status().errorMessage() + " (errorCount " + d.status().errorCount() + ")");
                }
            }
        }
    }

    private static String label(String wire) {
        return wire.isEmpty() ? "(new)" : wire;
    }
}
