package io.metalkube.application.fake;

import io.metalkube.application.port.out.Backend;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostProvisioning;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The fixture back-end: an in-memory data center for tests and the demo. Every host has a simulated BMC
 * (power state, boot image) and long operations take {@link FixtureTimings} of the injected clock. As the test
 * double of a full back-end it serves everything Ironic does, custom deploys included (the method is recorded).
 * Knobs: the password each BMC accepts, failures injected per host and operation, a whole-back-end outage.
 */
public final class FixtureBackend implements HostRegistration, HostInspection, HostProvisioning, PowerControl {

    private static final class Node {
        boolean registered;
        boolean poweredOn;
        String image;
        String customDeploy;
        String runningKind;
        Instant runningSince;
    }

    private final Clock clock;
    private final FixtureTimings timings;
    private final Map<HostId, Node> nodes = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Map<HostId, AtomicLong> writes = new ConcurrentHashMap<>();
    private final Map<HostId, AtomicLong> powerOffs = new ConcurrentHashMap<>();
    private volatile boolean outage;

    public FixtureBackend(Clock clock, FixtureTimings timings) {
        this.clock = clock;
        this.timings = timings;
    }

    public Backend asBackend() {
        return new Backend("fixture", this, this, this, this);
    }

    // ---- knobs ------------------------------------------------------------------------------------------------

    /** The BMC at {@code address} (as written in the host spec) accepts only this password. */
    public void acceptOnly(String address, String password) {
        passwords.put(address, password);
    }

    /** The next {@code kind} operation (e.g. "provision") on {@code host} fails with {@code message}. */
    public void failNext(HostId host, String kind, String message) {
        failures.computeIfAbsent(host + "#" + kind, k -> new ArrayDeque<>()).add(message);
    }

    /** While true, every call answers Unavailable, as a back-end outage would. */
    public void outage(boolean down) {
        this.outage = down;
    }

    /** Out-of-band truth: what the simulated BMC's power really is. */
    public boolean poweredOn(HostId host) {
        Node n = nodes.get(host);
        return n != null && n.poweredOn;
    }

    /** Out-of-band change, as if someone pressed the power button. */
    public void setPower(HostId host, boolean on) {
        node(host).poweredOn = on;
    }

    public boolean isRegistered(HostId host) {
        Node n = nodes.get(host);
        return n != null && n.registered;
    }

    /** The image the host was last provisioned with, or null. */
    public String image(HostId host) {
        Node n = nodes.get(host);
        return n == null ? null : n.image;
    }

    /** The custom deploy method the host was last provisioned with, or null. */
    public String customDeploy(HostId host) {
        Node n = nodes.get(host);
        return n == null ? null : n.customDeploy;
    }

    /**
     * Calls that asked the simulated data center to change something for {@code host}: every operation but a power
     * read and a registration of an already registered node (which only proves the credentials). For tests that
     * must show an operator only read (cluster move, adoption).
     */
    public long writes(HostId host) {
        AtomicLong w = writes.get(host);
        return w == null ? 0 : w.get();
    }

    /**
     * How many times the back-end switched {@code host} from on to off (power-off or deprovisioning; a power cycle
     * does not count, nor does {@link #setPower}, the power button).
     */
    public long powerOffs(HostId host) {
        AtomicLong n = powerOffs.get(host);
        return n == null ? 0 : n.get();
    }

    /** How many calls of each kind were made (e.g. "readpower"), for efficiency tests. */
    public long calls(String kind) {
        AtomicLong c = calls.get(kind);
        return c == null ? 0 : c.get();
    }

    // ---- ports -----------------------------------------------------------------------------------------------

    @Override
    public Outcome register(Operation.Register r) {
        return call(r, () -> {
            Outcome refused = checkAccess(r.target());
            if (refused != null) {
                return refused;
            }
            return progress(r.target().host(), "register", timings.register(), () -> {
                node(r.target().host()).registered = true;
                return new Outcome.Registered("fixture-" + r.target().host().namespace() + "-" + r.target().host().name());
            });
        });
    }

    @Override
    public Outcome delete(Operation.Delete d) {
        return call(d, () -> {
            nodes.remove(d.target().host());
            return new Outcome.Done();
        });
    }

    @Override
    public Outcome detach(Operation.Detach d) {
        return call(d, () -> {
            Node n = nodes.get(d.target().host());
            if (n != null) {
                n.registered = false;
            }
            return new Outcome.Done();
        });
    }

    @Override
    public Outcome inspect(Operation.Inspect i) {
        return call(i, () -> registeredOnly(i.target(), () -> progress(i.target().host(), "inspect", timings.inspect(),
                () -> new Outcome.Inspected(hardwareFor(i.target().host())))));
    }

    @Override
    public Outcome provision(Operation.Provision p) {
        return call(p, () -> registeredOnly(p.target(), () -> progress(p.target().host(), "provision", timings.provision(), () -> {
            Node n = node(p.target().host());
            n.image = p.image() == null ? null : p.image().url();
            n.customDeploy = p.hasCustomDeploy() ? p.customDeploy().method() : null;
            n.poweredOn = true;
            return new Outcome.Done();
        })));
    }

    @Override
    public Outcome deprovision(Operation.Deprovision d) {
        return call(d, () -> registeredOnly(d.target(), () -> progress(d.target().host(), "deprovision", timings.deprovision(), () -> {
            Node n = node(d.target().host());
            n.image = null;
            n.customDeploy = null;
            if (!d.target().disablePowerOff()) { // a host that may not be powered off is cleaned and left on
                power(d.target().host(), false);
            }
            return new Outcome.Done();
        })));
    }

    @Override
    public Outcome readPower(Operation.ReadPower r) {
        return call(r, () -> {
            Outcome refused = checkAccess(r.target());
            return refused != null ? refused : new Outcome.PowerState(node(r.target().host()).poweredOn);
        });
    }

    @Override
    public Outcome powerOn(Operation.PowerOn p) {
        return setPower(p, p.target(), true);
    }

    @Override
    public Outcome powerOff(Operation.PowerOff p) {
        return setPower(p, p.target(), false);
    }

    /** A power cycle: the host ends on (an off host is switched on), and is never counted as powered off. */
    @Override
    public Outcome reboot(Operation.Reboot r) {
        return powerAction(r, "reboot", () -> {
            node(r.target().host()).poweredOn = true;
            return new Outcome.PowerState(true);
        });
    }

    private Outcome setPower(Operation op, BackendTarget target, boolean on) {
        return powerAction(op, on ? "poweron" : "poweroff", () -> {
            power(target.host(), on);
            return new Outcome.PowerState(on);
        });
    }

    /** A power action: refused without access, else it takes {@link FixtureTimings#power()} and then {@code finish}. */
    private Outcome powerAction(Operation op, String kind, Supplier<Outcome> finish) {
        return call(op, () -> {
            Outcome refused = checkAccess(op.target());
            return refused != null ? refused : progress(op.target().host(), kind, timings.power(), finish);
        });
    }

    // ---- mechanics -------------------------------------------------------------------------------------------

    private Outcome call(Operation op, Supplier<Outcome> body) {
        calls.computeIfAbsent(op.kind(), k -> new AtomicLong()).incrementAndGet();
        boolean read = op instanceof Operation.ReadPower || op instanceof Operation.Register && isRegistered(op.target().host());
        if (!read) {
            writes.computeIfAbsent(op.target().host(), h -> new AtomicLong()).incrementAndGet();
        }
        if (outage) {
            return new Outcome.Unavailable("fixture back-end is down (simulated outage)");
        }
        Queue<String> injected = failures.get(op.target().host() + "#" + op.kind());
        String failure = injected == null ? null : injected.poll();
        if (failure != null) {
            Node n = nodes.get(op.target().host());
            if (n != null) {
                n.runningKind = null;
            }
            return new Outcome.Failed(failure);
        }
        return body.get();
    }

    private Outcome checkAccess(BackendTarget t) {
        if (t.address() == null || t.credentials() == null) {
            return new Outcome.Failed("no usable BMC address or credentials for host " + t.host());
        }
        String expected = passwords.get(t.address().toString());
        if (expected != null && !expected.equals(t.credentials().password())) {
            return new Outcome.Failed("BMC " + t.address() + " refused the credentials of user \"" + t.credentials().username()
                    + "\"; check the Secret named by spec.bmc.credentialsName");
        }
        return null;
    }

    private Outcome registeredOnly(BackendTarget t, Supplier<Outcome> body) {
        return isRegistered(t.host()) ? body.get()
                : new Outcome.Failed("host " + t.host() + " is not registered with the fixture back-end");
    }

    /** Long operations: the first call starts the clock, later calls report progress until the duration passed. */
    private Outcome progress(HostId host, String kind, Duration takes, Supplier<Outcome> finish) {
        Node n = node(host);
        synchronized (n) {
            if (takes.isZero()) {
                n.runningKind = null;
                return finish.get();
            }
            Instant now = clock.instant();
            if (!kind.equals(n.runningKind)) {
                n.runningKind = kind;
                n.runningSince = now;
                return new Outcome.InProgress(takes, kind + " started");
            }
            Duration left = Duration.between(now, n.runningSince.plus(takes));
            if (!left.isNegative() && !left.isZero()) {
                return new Outcome.InProgress(left, kind + " running");
            }
            n.runningKind = null;
            return finish.get();
        }
    }

    private void power(HostId host, boolean on) {
        Node n = node(host);
        if (n.poweredOn && !on) {
            powerOffs.computeIfAbsent(host, h -> new AtomicLong()).incrementAndGet();
        }
        n.poweredOn = on;
    }

    private Node node(HostId host) {
        return nodes.computeIfAbsent(host, h -> new Node());
    }

    /** Deterministic, plausible hardware per host name; NIC addresses from 192.0.2.0/24 (TEST-NET-1). */
    static HardwareDetails hardwareFor(HostId host) {
        int n = Math.floorMod(host.toString().hashCode(), 200) + 10;
        String mac = String.format("52:54:00:%02x:%02x:%02x", (n >> 4) & 0xff, n & 0xff, host.name().length() & 0xff);
        return new HardwareDetails(
                new HardwareDetails.SystemVendor("Fixture Systems", "FX-2000", "FX" + (100000 + n)),
                new HardwareDetails.Firmware(new HardwareDetails.Bios("2026-01-15", "Fixture BIOS", "1.4." + n % 10), "3.2." + n % 7),
                65536,
                List.of(new HardwareDetails.Nic("eno1", "Fixture 25GbE", mac, "192.0.2." + n, 25, true)),
                List.of(new HardwareDetails.Storage("/dev/sda", "SSD", 960_000_000_000L, "Fixture", "FX-SSD", "SN" + n, false)),
                new HardwareDetails.Cpu("x86_64", "Fixture Xeon", 2600.0, 32),
                host.name());
    }
}
