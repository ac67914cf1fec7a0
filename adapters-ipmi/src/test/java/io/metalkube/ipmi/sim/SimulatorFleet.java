package io.metalkube.ipmi.sim;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts ipmi_sim BMCs on demand, one per target, on 127.0.{subnet}.{n}, and stops every one by PID on close.
 * Maps back-end targets to their simulator for out-of-band checks.
 */
public final class SimulatorFleet implements AutoCloseable {

    private final Path dir;
    private final int subnet;
    private final AtomicInteger next = new AtomicInteger();
    private final List<IpmiSimulator> started = new CopyOnWriteArrayList<>();
    private final Map<String, IpmiSimulator> byAddress = new ConcurrentHashMap<>();

    public SimulatorFleet(String name, int subnet) {
        try {
            this.dir = Files.createTempDirectory("ipmi-sim-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.subnet = subnet;
    }

    /** A fresh simulator with FRU data naming it: "Acme Corp" / "Metal Server {n}" / serial "SN-{n}". */
    public IpmiSimulator start() {
        int n = next.incrementAndGet();
        try {
            IpmiSimulator sim = IpmiSimulator.start(dir, "127.0." + subnet + "." + (n % 250 + 1), n,
                    FruImage.of("Acme Boards", "Board " + n, "BSN-" + n, "Acme Corp", "Metal Server " + n, "v" + n, "SN-" + n));
            started.add(sim);
            byAddress.put(BmcAddress.parse(sim.bmcAddress()).toString(), sim);
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ipmi_sim (is openipmi installed? bin/install-peers.sh)", e);
        }
    }

    public BackendTarget targetFor(IpmiSimulator sim) {
        BmcAddress address = BmcAddress.parse(sim.bmcAddress());
        return new BackendTarget(new HostId("test", "host-" + address.host().replace('.', '-') + "-" + address.port()), "", address,
                BmcCredentials.of(IpmiSimulator.USER, IpmiSimulator.PASSWORD), "", false);
    }

    public BackendTarget newTarget() {
        return targetFor(start());
    }

    public IpmiSimulator simulatorOf(BackendTarget target) {
        return byAddress.get(target.address().toString());
    }

    public static BackendTarget withWrongPassword(BackendTarget t) {
        return new BackendTarget(t.host(), t.provisionerId(), t.address(), BmcCredentials.of(t.credentials().username(), "wrong-pass-42"),
                t.bootMacAddress(), t.disableCertificateVerification());
    }

    public List<IpmiSimulator> started() {
        return List.copyOf(started);
    }

    /** Stops every simulator by PID, then removes their files. */
    @Override
    public void close() {
        started.forEach(IpmiSimulator::close);
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove simulator files under " + dir, e);
        }
    }
}
