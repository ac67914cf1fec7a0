package io.metalkube.application.prove;

import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Decorator over the four back-end ports: asks {@link Faults} before every call, can take the whole back-end
 * down (every call answers Unavailable, as Ironic being unreachable would), and can black-hole single BMCs
 * (every call for that host fails as a BMC timeout would). Counts calls per operation kind and host.
 */
final class FaultyBackend implements HostRegistration, HostInspection, HostProvisioning, PowerControl {

    private final Backend delegate;
    private final Faults faults;
    private final Clock clock;
    private final Map<HostId, List<Instant>> callTimes = new ConcurrentHashMap<>();
    private final Set<HostId> blackHoled = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final List<String> transcript = new ArrayList<>();
    private volatile boolean recording;
    private volatile boolean down;

    FaultyBackend(Backend delegate, Faults faults, Clock clock) {
        this.delegate = delegate;
        this.faults = faults;
        this.clock = clock;
    }

    Backend asBackend() {
        return new Backend(delegate.name(), this, this, this, this);
    }

    void outage(boolean isDown) {
        this.down = isDown;
    }

    void blackHole(HostId host, boolean lost) {
        if (lost) {
            blackHoled.add(host);
        } else {
            blackHoled.remove(host);
        }
    }

    /** Calls of {@code kind} (e.g. "readpower") that reached this decorator, for {@code host}. */
    long calls(String kind, HostId host) {
        AtomicLong c = calls.get(kind + "@" + host);
        return c == null ? 0 : c.get();
    }

    /** From now on keep "operation -> outcome" (their toString) of every call, for the secrets scan. */
    void record() {
        recording = true;
    }

    List<String> transcript() {
        synchronized (transcript) {
            return List.copyOf(transcript);
        }
    }

    /** When each call for {@code host} was made, on the injected clock. */
    List<Instant> callTimes(HostId host) {
        synchronized (callTimes) {
            return List.copyOf(callTimes.getOrDefault(host, List.of()));
        }
    }

    private Outcome call(Operation op, Supplier<Outcome> real) {
        Outcome outcome = attempt(op, real);
        if (recording) {
            synchronized (transcript) {
                transcript.add(op + " -> " + outcome);
            }
        }
        return outcome;
    }

    private Outcome attempt(Operation op, Supplier<Outcome> real) {
        faults.before("backend." + op.kind());
        calls.computeIfAbsent(op.kind() + "@" + op.target().host(), k -> new AtomicLong()).incrementAndGet();
        synchronized (callTimes) {
            callTimes.computeIfAbsent(op.target().host(), k -> new ArrayList<>()).add(clock.instant());
        }
        if (down) {
            return new Outcome.Unavailable("back-end " + delegate.name() + " is unreachable (injected outage)");
        }
        if (blackHoled.contains(op.target().host())) {
            return new Outcome.Failed("BMC " + op.target().address() + " of host " + op.target().host()
                    + " did not answer " + op.kind() + " within 5 s; check that the BMC is powered and reachable");
        }
        return real.get();
    }

    @Override
    public Outcome register(Operation.Register r) {
        return call(r, () -> delegate.registration().register(r));
    }

    @Override
    public Outcome delete(Operation.Delete d) {
        return call(d, () -> delegate.registration().delete(d));
    }

    @Override
    public Outcome detach(Operation.Detach d) {
        return call(d, () -> delegate.registration().detach(d));
    }

    @Override
    public Outcome inspect(Operation.Inspect i) {
        return call(i, () -> delegate.inspection().inspect(i));
    }

    @Override
    public Outcome provision(Operation.Provision p) {
        return call(p, () -> delegate.provisioning().provision(p));
    }

    @Override
    public Outcome deprovision(Operation.Deprovision d) {
        return call(d, () -> delegate.provisioning().deprovision(d));
    }

    @Override
    public Outcome readPower(Operation.ReadPower r) {
        return call(r, () -> delegate.power().readPower(r));
    }

    @Override
    public Outcome powerOn(Operation.PowerOn p) {
        return call(p, () -> delegate.power().powerOn(p));
    }

    @Override
    public Outcome powerOff(Operation.PowerOff p) {
        return call(p, () -> delegate.power().powerOff(p));
    }

    @Override
    public Outcome reboot(Operation.Reboot r) {
        return call(r, () -> delegate.power().reboot(r));
    }
}
