package io.metalkube.kubernetes.controller;

import io.metalkube.application.port.out.ConflictException;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.Backoff;
import io.metalkube.domain.lifecycle.HostEvent;
import io.metalkube.domain.lifecycle.LifecycleTimings;
import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.BareMetalHostStatus;
import io.metalkube.kubernetes.mapping.HostMapper;
import io.metalkube.kubernetes.mapping.UnreadableFieldException;
import io.metalkube.kubernetes.store.KubernetesEvents;
import io.metalkube.kubernetes.store.KubernetesHostStore;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A BareMetalHost the mapping cannot read ({@link UnreadableFieldException}) is reported, never thrown at JOSDK
 * (which would log "Uncaught error during event processing" with a stack trace on every retry): a registration
 * error in its status and one Warning event {@value #REASON}, both naming the field, then the failure backoff every
 * host error gets (metal3's 2^n minutes, counted in errorCount). Fixing the field is a change, so it is read again
 * at once, and the error this guard wrote is cleared before the host's use case runs.
 */
final class UnreadableHostGuard {

    static final String REASON = "UnreadableField";
    static final String PREFIX = "cannot read this BareMetalHost: ";
    /** A status write that lost a race is tried again this soon. */
    static final Duration AFTER_CONFLICT = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(UnreadableHostGuard.class.getName());

    private final KubernetesHostStore store;
    private final KubernetesEvents events;
    private final Clock clock;
    private final Backoff backoff = new Backoff(LifecycleTimings.metal3Defaults().backoffCapExponent());

    UnreadableHostGuard(KubernetesHostStore store, KubernetesEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Records the failure (unless still backing off from the same one) and says when to read the host again. */
    Duration report(BareMetalHost cr, UnreadableFieldException e) {
        HostId id = HostMapper.id(cr);
        String message = PREFIX + e.fieldAndProblem() + " (fix it to continue)";
        BareMetalHostStatus status = cr.getStatus();
        String before = status == null ? null : status.errorMessage;
        int count = status == null || status.errorCount == null || status.errorCount < 0 ? 0 : status.errorCount;
        Instant now = clock.instant();
        if (message.equals(before) && count > 0) {
            Duration left = backoff.after(count, id).minus(since(status.lastUpdated, now));
            if (left.isPositive()) {
                return left;
            }
        }
        try {
            store.writeUnreadable(cr, ErrorType.REGISTRATION, message, count + 1, now);
        } catch (ConflictException conflict) {
            LOG.log(Level.DEBUG, () -> "host " + id + " changed while reporting an unreadable field; reading it again: " + conflict.getMessage());
            return AFTER_CONFLICT;
        }
        if (!message.equals(before)) {
            LOG.log(Level.WARNING, () -> "host " + id + ": " + message);
            events.publish(id, HostEvent.warning(REASON, message));
        }
        return backoff.after(count + 1, id);
    }

    /**
     * Once the host reads again, the error this guard wrote goes (with its errorCount): nothing failed but the read.
     * Returns false when that write met a conflict (reconcile again soon).
     */
    boolean clearOwnError(BareMetalHost cr) {
        BareMetalHostStatus status = cr.getStatus();
        if (status == null || status.errorMessage == null || !status.errorMessage.startsWith(PREFIX)) {
            return true;
        }
        Optional<Host> host = store.find(HostMapper.id(cr));
        if (host.isEmpty()) {
            return true;
        }
        try {
            store.writeStatus(host.get(), host.get().status().withoutError().withLastUpdated(clock.instant()));
            LOG.log(Level.INFO, () -> "host " + host.get().id() + " can be read again; its unreadable-field error is cleared");
            return true;
        } catch (ConflictException conflict) {
            return false;
        }
    }

    private static Duration since(String lastUpdated, Instant now) {
        try {
            return lastUpdated == null ? Duration.ZERO : Duration.between(Instant.parse(lastUpdated), now);
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
    }
}
