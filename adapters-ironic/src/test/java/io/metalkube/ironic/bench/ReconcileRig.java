package io.metalkube.ironic.bench;

import io.metalkube.application.fake.InMemoryCredentials;
import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.fake.RecordingEventSink;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.application.service.HostReconciler;
import io.metalkube.application.service.OperationRunner;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.Lifecycle;
import io.metalkube.domain.lifecycle.LifecycleTimings;
import io.metalkube.ironic.IronicBackend;

import java.time.Clock;
import java.time.Duration;

/** The application's real reconciler on in-memory stores, with the Ironic adapter as its back-end. */
public final class ReconcileRig {

    public final InMemoryHostStore hosts = new InMemoryHostStore();
    public final InMemoryCredentials credentials = new InMemoryCredentials();
    public final RecordingEventSink events = new RecordingEventSink();
    public final IronicBackend ironic;
    public final HostReconciler reconciler;

    public ReconcileRig(IronicBackend ironic) {
        this.ironic = ironic;
        this.reconciler = new HostReconciler(hosts, credentials, ironic.capacity(), new OperationRunner(ironic.asBackend()), events,
                new Lifecycle(LifecycleTimings.metal3Defaults()), Clock.systemUTC());
    }

    public Host host(HostId id) {
        return hosts.find(id).orElseThrow();
    }

    /** Reconciles until the host reaches {@code state} (requeues capped at 200 ms); returns the reconciles it took. */
    public int reconcileUntil(HostId id, ProvisioningState state, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int n = 0;
        while (host(id).state() != state) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("host " + id + " did not reach " + state.wireName() + " within " + timeout
                        + "; it is " + host(id).state().wireName() + ", error: " + host(id).status().errorMessage()
                        + ", events: " + events.reasons(id));
            }
            ReconcileResult r = reconciler.reconcile(id);
            n++;
            long wait = Math.min(r.requeue().map(Duration::toMillis).orElse(200L), 200L);
            sleep(Math.max(wait, 20));
        }
        return n;
    }

    /** Reconciles until {@code condition} holds for the host (requeues capped at 200 ms). */
    public void reconcileUntil(HostId id, java.util.function.Predicate<Host> condition, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(host(id))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("host " + id + " did not become " + what + " within " + timeout + "; it is "
                        + host(id).state().wireName() + ", error: " + host(id).status().errorMessage() + ", events: " + events.reasons(id));
            }
            ReconcileResult r = reconciler.reconcile(id);
            sleep(Math.max(20, Math.min(r.requeue().map(Duration::toMillis).orElse(200L), 200L)));
        }
    }

    /** Reconciles until the status records an observed power state (the steady state polls it). */
    public void reconcileUntilPowerKnown(HostId id) {
        for (int i = 0; i < 200 && host(id).status().poweredOn() == null; i++) {
            reconciler.reconcile(id);
            sleep(100);
        }
    }

    /** Reconciles a host marked for deletion until the store lets it go. */
    public int reconcileUntilGone(HostId id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int n = 0;
        while (hosts.find(id).isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("host " + id + " was not deleted within " + timeout + "; it is " + host(id).state().wireName()
                        + ", error: " + host(id).status().errorMessage());
            }
            ReconcileResult r = reconciler.reconcile(id);
            n++;
            sleep(Math.max(20, Math.min(r.requeue().map(Duration::toMillis).orElse(200L), 200L)));
        }
        return n;
    }

    /** Ironic calls per reconcile over {@code n} back-to-back reconciles of a host in a steady state. */
    Measured steadyState(HostId id, int n) {
        ProvisioningState before = host(id).state();
        long calls0 = ironic.ironicCalls();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            reconciler.reconcile(id);
        }
        long nanos = System.nanoTime() - t0;
        if (host(id).state() != before) {
            throw new IllegalStateException("host " + id + " left " + before.wireName() + " during the steady-state run");
        }
        return new Measured(n, ironic.ironicCalls() - calls0, nanos);
    }

    record Measured(int reconciles, long calls, long nanos) {
        double callsPerReconcile() {
            return (double) calls / reconciles;
        }

        double millisPerReconcile() {
            return nanos / 1e6 / reconciles;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
