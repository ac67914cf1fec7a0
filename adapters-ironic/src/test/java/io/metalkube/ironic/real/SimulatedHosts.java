package io.metalkube.ironic.real;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.ironic.peers.IpmiSim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Hosts backed by their own ipmi_sim BMC, with unique names in the shared real Ironic; closes what it started. */
final class SimulatedHosts implements AutoCloseable {

    private final List<IpmiSim> started = new ArrayList<>();
    private final Map<HostId, IpmiSim> byHost = new ConcurrentHashMap<>();

    BackendTarget newTarget(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        IpmiSim sim = IpmiSim.start("pw-" + suffix);
        started.add(sim);
        HostId id = new HostId("contract", prefix + "-" + suffix);
        byHost.put(id, sim);
        return new BackendTarget(id, "", BmcAddress.parse(sim.address()), BmcCredentials.of("admin", sim.password()), "", false);
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
        started.forEach(IpmiSim::close);
    }
}
