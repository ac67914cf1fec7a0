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
import io.metalkube.domain.lifecycle.Capacity;
import io.metalkube.domain.lifecycle.CredentialsCheck;
import io.metalkube.domain.lifecycle.Decision;
import io.metalkube.domain.lifecycle.Effect;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.Observation;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Use case: reconcile one host, in four named steps — observe (credentials, capacity), decide (the domain's
 * lifecycle), act (at most one back-end operation), record (status only when it changed, events, effects).
 */
public final class HostReconciler implements ReconcileHostUseCase {

    private static final System.Logger LOG = System.getLogger(HostReconciler.class.getName());
    private static final Duration AFTER_CONFLICT = Duration.ofMillis(200);

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

    private ReconcileResult reconcile(Host host) {
        Observation observation = observe(host);
        Decision decision = lifecycle.plan(host, observation, clock.instant());
        if (decision.operation().isPresent()) {
            host = record(host, decision);
            Operation operation = decision.operation().get();
            Outcome outcome = act(operation);
            decision = lifecycle.conclude(host, operation, outcome, clock.instant());
        }
        record(host, decision);
        boolean gone = decision.effects().contains(Effect.REMOVE_FINALIZER);
        return gone ? ReconcileResult.finished() : new ReconcileResult(decision.requeue(), false);
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

    /** Record: status if changed, then events, then effects. Returns the host as stored. */
    private Host record(Host host, Decision decision) {
        Host stored = host;
        if (!decision.status().equals(host.status())) {
            stored = hosts.writeStatus(host, decision.status());
            logTransition(host, decision);
        }
        for (HostEvent event : decision.events()) {
            events.publish(host.id(), event);
        }
        if (!decision.effects().isEmpty()) {
            stored = hosts.apply(stored, decision.effects());
        }
        return stored;
    }

    private static void logTransition(Host before, Decision decision) {
        if (before.state() != decision.status().state()) {
            LOG.log(Level.INFO, () -> "host " + before.id() + ": " + label(before.state().wireName()) + " -> "
                    + label(decision.status().state().wireName()));
        }
        if (decision.status().hasError() && !decision.status().equals(before.status())) {
            LOG.log(Level.WARNING, () -> "host " + before.id() + ": " + decision.status().errorType().wireName() + ": "
                    + decision.status().errorMessage() + " (errorCount " + decision.status().errorCount() + ")");
        }
    }

    private static String label(String wire) {
        return wire.isEmpty() ? "(new)" : wire;
    }
}
