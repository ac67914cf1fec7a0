package io.metalkube.application.service;

import io.metalkube.application.port.in.DiscoverHostsUseCase;
import io.metalkube.application.port.in.DiscoveryReport;
import io.metalkube.application.port.out.BmcScanner;
import io.metalkube.application.port.out.HostStore;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcAddressException;
import io.metalkube.domain.discovery.DiscoveredBmc;
import io.metalkube.domain.discovery.HostProposal;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Use case: turn BMCs found by a scan into discovered hosts, skipping BMCs a host already manages. */
public final class HostDiscovery implements DiscoverHostsUseCase {

    private static final System.Logger LOG = System.getLogger(HostDiscovery.class.getName());

    private final BmcScanner scanner;
    private final HostStore hosts;

    public HostDiscovery(BmcScanner scanner, HostStore hosts) {
        this.scanner = scanner;
        this.hosts = hosts;
    }

    @Override
    public DiscoveryReport discover(String namespace, Map<String, String> labels) {
        Set<String> known = new HashSet<>();
        for (Host h : hosts.listAll()) {
            try {
                known.add(endpoint(BmcAddress.parse(h.spec().bmc().address())));
            } catch (BmcAddressException e) {
                // a host with a broken address manages no BMC; its own reconcile reports the error
            }
        }
        List<HostId> created = new ArrayList<>();
        List<String> alreadyKnown = new ArrayList<>();
        for (DiscoveredBmc bmc : scanner.scan()) {
            if (!known.add(endpoint(bmc.address()))) {
                alreadyKnown.add(bmc.address().toString());
                continue;
            }
            HostProposal proposal = HostProposal.forBmc(bmc, namespace, labels);
            hosts.createIfAbsent(proposal.host()).ifPresentOrElse(h -> {
                created.add(h.id());
                LOG.log(Level.INFO, () -> "discovered BMC " + bmc.address() + " (" + bmc.source() + "): created host " + h.id());
            }, () -> alreadyKnown.add(bmc.address().toString()));
        }
        return new DiscoveryReport(created, alreadyKnown);
    }

    /**
     * Two addresses reach the same BMC when transport, host and port agree (ipmi://h and h:623 are one), and the
     * same Redfish system when the system path agrees too (one BMC may serve several systems).
     */
    private static String endpoint(BmcAddress a) {
        return a.scheme().transport() + "://" + a.authority() + "/" + HostProposal.systemOf(a);
    }
}
