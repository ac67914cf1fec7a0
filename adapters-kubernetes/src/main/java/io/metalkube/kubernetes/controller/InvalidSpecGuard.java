package io.metalkube.kubernetes.controller;

import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.application.port.out.ConflictException;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.domain.validation.HostValidator;
import io.metalkube.domain.validation.InvalidSpec;
import io.metalkube.kubernetes.admission.AdmissionChecks;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.mapping.HostMapper;
import io.metalkube.kubernetes.store.KubernetesHostStore;
import io.metalkube.kubernetes.store.KubernetesEvents;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a host whose spec the webhook would have denied but the mapping reads leniently (unknown enum values, an
 * image without URL, the removed spec.firmware, …): such a host bypassed the webhook (created before it was
 * installed or while it was off). Like the domain does for what {@link HostValidator} sees, nothing is done until
 * the spec is fixed: the status gets a registration error "spec is invalid (fix it to continue): …" and one
 * Warning event {@code InvalidSpec} per distinct message.
 */
final class InvalidSpecGuard {

    static final String REASON = "InvalidSpec";
    /** A status write that lost a race is tried again this soon (the same pause as the use case's). */
    static final Duration AFTER_CONFLICT = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(InvalidSpecGuard.class.getName());

    private final KubernetesHostStore store;
    private final KubernetesEvents events;
    private final Clock clock;
    private final HostValidator validator = new HostValidator();

    InvalidSpecGuard(KubernetesHostStore store, KubernetesEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Empty when {@code cr}'s spec is fine (the use case may run); otherwise the host's status says what is wrong
     * and the result is what the controller returns instead of running the use case: idle (fixing the spec is a
     * change, which reconciles again), or a short requeue when the status write met a conflict.
     */
    Optional<ReconcileResult> refuse(BareMetalHost cr) {
        List<String> wire = AdmissionChecks.wireSpecProblems(cr);
        if (wire.isEmpty()) {
            return Optional.empty();
        }
        Optional<Host> found = store.find(HostMapper.id(cr));
        if (found.isEmpty()) {
            return Optional.of(ReconcileResult.finished());
        }
        Host host = found.get();
        LinkedHashSet<String> problems = new LinkedHashSet<>(wire);
        problems.addAll(validator.validate(host));
        String message = InvalidSpec.message(problems);
        HostStatus now = host.status();
        ErrorType type = InvalidSpec.errorType(host.state());
        HostStatus next = now.errorType() == type && now.errorMessage().equals(message)
                ? now.withOperationalStatus(OperationalStatus.ERROR)
                : now.withError(type, message).withLastUpdated(clock.instant());
        if (next.equals(now)) {
            return Optional.of(ReconcileResult.idle());
        }
        try {
            store.writeStatus(host, next);
        } catch (ConflictException e) {
            LOG.log(Level.DEBUG, () -> "host " + host.id() + " changed while reporting its invalid spec; trying again: " + e.getMessage());
            return Optional.of(ReconcileResult.after(AFTER_CONFLICT));
        }
        if (!message.equals(now.errorMessage()) || now.errorType() != type) {
            LOG.log(Level.WARNING, () -> "host " + host.id() + ": " + type.wireName() + ": " + message
                    + " (errorCount " + next.errorCount() + ")");
            events.publish(host.id(), HostEvent.warning(REASON, message));
        }
        return Optional.of(ReconcileResult.idle());
    }
}
