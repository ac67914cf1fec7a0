package io.metalkube.application.service;

import io.metalkube.application.fake.FixedBmcScanner;
import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.port.in.DiscoveryReport;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.discovery.DiscoveredBmc;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.OperationalStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostDiscoveryTest {

    private final InMemoryHostStore hosts = new InMemoryHostStore();
    private final FixedBmcScanner scanner = new FixedBmcScanner();
    private final HostDiscovery discovery = new HostDiscovery(scanner, hosts);

    @Test
    void newBmcsBecomeDiscoveredHostsAndKnownOnesAreSkipped() {
        hosts.put(Host.newHost(new HostId("dc1", "known"), Map.of(), HostSpec.empty().withBmc(new BmcDetails("10.0.0.5", "known-bmc", false))));
        scanner.add(new DiscoveredBmc(BmcAddress.parse("ipmi://10.0.0.5:623"), "ipmi-scan", "IPMI 2.0"))
                .add(new DiscoveredBmc(BmcAddress.parse("ipmi://10.0.0.6"), "ipmi-scan", "IPMI 2.0"));

        DiscoveryReport first = discovery.discover("dc1", Map.of("rack", "r7"));
        assertThat(first.created()).containsExactly(new HostId("dc1", "bmc-10-0-0-6-623"));
        assertThat(first.alreadyKnown()).containsExactly("ipmi://10.0.0.5:623");
        Host proposed = hosts.find(new HostId("dc1", "bmc-10-0-0-6-623")).orElseThrow();
        assertThat(proposed.spec().bmc().credentialsName()).isEmpty();
        assertThat(proposed.status().operationalStatus()).isEqualTo(OperationalStatus.DISCOVERED);
        assertThat(proposed.labels()).containsEntry("rack", "r7").containsEntry("metalkube.io/discovered-by", "ipmi-scan");

        DiscoveryReport second = discovery.discover("dc1", Map.of());
        assertThat(second.created()).isEmpty();
        assertThat(second.alreadyKnown()).hasSize(2);
    }
}
