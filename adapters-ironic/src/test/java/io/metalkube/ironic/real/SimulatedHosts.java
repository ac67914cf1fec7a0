package io.metalkube.ironic.real;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.peers.IpmiSim;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hosts backed by their own ipmi_sim BMC, with unique names in the shared real Ironic. Closing deletes their nodes
 * (so Ironic's power sync does not keep polling dead BMCs) and stops the simulators.
 */
final class SimulatedHosts implements AutoCloseable {

    private final IronicBackend backend;
    private final List<IpmiSim> started = new ArrayList<>();
    private final List<BackendTarget> targets = new ArrayList<>();

    SimulatedHosts(IronicBackend backend) {
        this.backend = backend;
    }
    private final Map<HostId, IpmiSim> byHost = new ConcurrentHashMap<>();

    BackendTarget newTarget(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        IpmiSim sim = IpmiSim.start("pw-" + suffix);
        started.add(sim);
        HostId id = new HostId("contract", prefix + "-" + suffix);
        byHost.put(id, sim);
        BackendTarget t = new BackendTarget(id, "", BmcAddress.parse(sim.address()), BmcCredentials.of("admin", sim.password()), "", false);
        targets.add(t);
        return t;
    }

    IpmiSim bmc(BackendTarget t) {
        return byHost.get(t.host());
    }

    static BackendTarget withWrongPassword(BackendTarget t) {
        return new BackendTarget(t.host(), t.provisionerId(), t.address(), BmcCredentials.of("admin", "wrong-" + t.credentials().password()),
                t.bootMacAddress(), t.disableCertificateVerification());
    }

    @Override
    public void close() {
        for (BackendTarget t : targets) {
            Outcome gone = Outcomes.until(() -> backend.asBackend().registration().delete(new Operation.Delete(t)), Duration.ofSeconds(30));
            if (!(gone instanceof Outcome.Done)) {
                System.err.println("could not delete the Ironic node of " + t.host() + ": " + gone);
            }
        }
        started.forEach(IpmiSim::close);
    }
}
