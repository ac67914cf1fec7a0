package io.metalkube.ipmi.backend;

import io.metalkube.application.fake.InMemoryHostStore;
import io.metalkube.application.port.in.DiscoveryReport;
import io.metalkube.application.port.out.BmcScanner;
import io.metalkube.application.service.HostDiscovery;
import io.metalkube.domain.discovery.DiscoveredBmc;
import io.metalkube.domain.discovery.HostProposal;
import io.metalkube.ipmi.IpmiBackend;
import io.metalkube.ipmi.IpmiSettings;
import io.metalkube.ipmi.ScanSettings;
import io.metalkube.ipmi.sim.IpmiSimulator;
import io.metalkube.ipmi.sim.SimulatorFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The credential-less scan over a /29 × several ports finds exactly the running simulators: not the silent socket,
 * not the closed ports, not the other address/port combinations. Its results feed the application's discovery use case.
 */
class BmcScanAgainstSimulatorTest {

    static final SimulatorFleet FLEET = new SimulatorFleet("scan", 4);
    static final IpmiBackend BACKEND = new IpmiBackend(IpmiSettings.defaults());
    static DatagramSocket silent;
    static ScanSettings scan;

    @BeforeAll
    static void start() throws Exception {
        for (int i = 0; i < 3; i++) {
            FLEET.start();
        }
        silent = new DatagramSocket(new InetSocketAddress("127.0.4.5", 0));
        List<Integer> ports = new ArrayList<>();
        FLEET.started().forEach(s -> ports.add(s.address().getPort()));
        ports.add(silent.getLocalPort());
        scan = ScanSettings.of(List.of("127.0.4.0/29")).withPorts(ports).withReplyWindow(Duration.ofMillis(500));
    }

    @AfterAll
    static void stop() {
        silent.close();
        BACKEND.close();
        FLEET.close();
    }

    @Test
    void findsExactlyTheSimulators() {
        List<DiscoveredBmc> found = BACKEND.scanner(scan).scan();
        assertThat(found).extracting(b -> b.address().toString())
                .containsExactlyInAnyOrderElementsOf(FLEET.started().stream().map(IpmiSimulator::bmcAddress).toList());
        assertThat(found).allSatisfy(b -> {
            assertThat(b.source()).isEqualTo("ipmi-scan");
            assertThat(b.detail()).startsWith("IPMI v2.0");
        });
    }

    @Test
    void discoveryTurnsEveryResponderIntoOneHost() {
        BmcScanner scanner = BACKEND.scanner(scan);
        InMemoryHostStore hosts = new InMemoryHostStore();
        HostDiscovery discovery = new HostDiscovery(scanner, hosts);
        DiscoveryReport first = discovery.discover("metal", Map.of("site", "lab"));
        assertThat(first.created()).hasSize(3);
        assertThat(hosts.listAll()).allSatisfy(h -> assertThat(h.labels()).containsEntry(HostProposal.SOURCE_LABEL, "ipmi-scan"));
        DiscoveryReport second = discovery.discover("metal", Map.of());
        assertThat(second.created()).isEmpty();
        assertThat(second.alreadyKnown()).hasSize(3);
    }

    @Test
    void scanRangesAreBounded() {
        ScanSettings huge = ScanSettings.of(List.of("10.0.0.0/8"));
        assertThatThrownBy(() -> BACKEND.scanner(huge)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> BACKEND.scanner(ScanSettings.of(List.of("fd00::/64")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScanKeepsToItsRateAndReportsNothingWhereNothingAnswers() {
        ScanSettings quiet = ScanSettings.of(List.of("127.0.6.0/26")).withPorts(List.of(silent.getLocalPort())).withRate(100)
                .withReplyWindow(Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(BACKEND.scanner(quiet).scan()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("64 probes at 100/s").isGreaterThanOrEqualTo(Duration.ofMillis(630));
    }
}
