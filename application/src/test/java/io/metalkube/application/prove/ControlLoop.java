package io.metalkube.application.prove;

import io.metalkube.application.port.in.MachineId;
import io.metalkube.application.port.in.MachineView;
import io.metalkube.application.port.in.ReconcileResult;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * A deterministic controller loop on the site's hand-moved clock: reconciles whatever is due, in a fixed order,
 * honours requeues, and emulates watches (a changed host triggers itself and every Machine; a changed Machine
 * triggers itself). When nothing is due it jumps the clock to the next due time.
 */
final class ControlLoop {

    private static final Duration IDLE_RESYNC = Duration.ofMinutes(10);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(10);

    private final Site site;
    private final Map<Object, Instant> due = new TreeMap<>(Comparator.comparing(ControlLoop::sortKey));
    private final Map<Object, String> seen = new HashMap<>();
    private Operator operator;
    private long reconciles;
    private long failures;
    private Runnable observer = () -> { };

    ControlLoop(Site site, Operator operator) {
        this.site = site;
        this.operator = operator;
    }

    Operator operator() {
        return operator;
    }

    long reconciles() {
        return reconciles;
    }

    /** Reconciles that threw (e.g. an API server 5xx) and were requeued, as the controller runtime would. */
    long failures() {
        return failures;
    }

    /** Runs after every reconcile (e.g. a scan of everything user-visible). */
    void observeEachReconcile(Runnable check) {
        this.observer = check;
    }

    /** A new process takes over: it forgets every queue and starts with a full list, like an informer. */
    void restart(Operator fresh) {
        this.operator = fresh;
        due.clear();
        seen.clear();
    }

    /** Runs until {@code done} holds or {@code rounds} passes were made; true if {@code done} holds. */
    boolean runUntil(BooleanSupplier done, int rounds) {
        for (int i = 0; i < rounds; i++) {
            watch();
            if (done.getAsBoolean()) {
                return true;
            }
            Instant now = site.clock.instant();
            List<Object> ready = due.entrySet().stream().filter(e -> !e.getValue().isAfter(now)).map(Map.Entry::getKey).toList();
            if (ready.isEmpty()) {
                Optional<Instant> next = due.values().stream().min(Instant::compareTo);
                if (next.isEmpty()) {
                    return done.getAsBoolean();
                }
                site.clock.advance(Duration.between(now, next.get()));
                continue;
            }
            for (Object key : ready) {
                run(key);
                watch();
            }
        }
        watch();
        return done.getAsBoolean();
    }

    private void run(Object key) {
        due.remove(key);
        reconciles++;
        ReconcileResult r;
        try {
            r = operator.reconcile(key);
        } catch (RuntimeException e) {
            failures++; // the controller runtime logs it and retries the key with a delay
            r = ReconcileResult.after(AFTER_FAILURE);
        }
        observer.run();
        if (!r.gone()) {
            due.merge(key, site.clock.instant().plus(r.requeue().orElse(IDLE_RESYNC)), (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    /** Watch emulation: every object whose revision changed since last seen is due now. */
    private void watch() {
        Instant now = site.clock.instant();
        boolean hostChanged = false;
        for (Host h : site.hosts.listAll()) {
            if (!h.revision().equals(seen.put(h.id(), h.revision()))) {
                due.put(h.id(), now);
                hostChanged = true;
            }
        }
        for (MachineView m : site.machines.all()) {
            if (!m.revision().equals(seen.put(m.id(), m.revision())) || hostChanged) {
                due.put(m.id(), now);
            }
        }
    }

    private static String sortKey(Object key) {
        return (key instanceof HostId ? "h:" : key instanceof MachineId ? "m:" : "?:") + key;
    }
}
