package io.metalkube.redfish.backend;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.peer.MockupServer;
import io.metalkube.redfish.peer.RedfishGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against DMTF's Redfish Mockup Server with its public-rackmount1 mockup (started with {@code -E}, its ETag test
 * mode): the inventory is parsed exactly (golden), sessions are opened at the mockup's Sessions collection and
 * logged out again, and ETags are honoured on PATCH. The mockup's own {@code -E} is accepted but unimplemented
 * (redfish.md §9), so the ETags themselves come from {@link RedfishGateway} in front of it, which also refuses a
 * PATCH without (428) or with a stale (412) If-Match.
 */
class MockupServerTest {

    static MockupServer mockup;

    @BeforeAll
    static void start() {
        mockup = MockupServer.start("-E");
    }

    @AfterAll
    static void stop() {
        if (mockup != null) {
            mockup.close();
        }
    }

    static BackendTarget target(int port) {
        // no path: the mockup has exactly one system
        return new BackendTarget(new HostId("lab", "contoso-3500"), "", BmcAddress.parse("redfish+http://127.0.0.1:" + port),
                BmcCredentials.of("Administrator", "Password"), "", false);
    }

    /** Read by hand from the mockup's files; VLAN1 (a Virtual interface repeating NIC 1's MAC), CPU2 (Absent), FPGA1 and the empty bays are left out. */
    static final HardwareDetails GOLDEN = new HardwareDetails(
            new HardwareDetails.SystemVendor("Contoso", "3500", "437XR1138R2"),
            new HardwareDetails.Firmware(new HardwareDetails.Bios(null, null, "P79 v1.45 (12/06/2017)"), "1.45.455b66-rev4"),
            96 * 1024,
            List.of(new HardwareDetails.Nic("12446A3B0411", null, "12:44:6a:3b:04:11", "192.168.0.10", 1, null),
                    new HardwareDetails.Nic("12446A3B8890", null, "aa:bb:cc:dd:ee:00", "192.168.0.11", 1, null),
                    new HardwareDetails.Nic("ToManager", null, "aa:bb:cc:dd:ee:fe", "192.168.20.56", 0, null)),
            List.of(new HardwareDetails.Storage("SATA Bay 1", null, 8_000_000_000_000L, "Contoso", "3000GT8", null, null),
                    new HardwareDetails.Storage("SATA Bay 2", null, 4_000_000_000_000L, "Contoso", "3000GT7", null, null)),
            new HardwareDetails.Cpu("x86_64", "Multi-Core Intel(R) Xeon(R) processor 7xxx Series", 3700.0, 16),
            "web483");

    @Test
    void publicRackmount1InventoryIsParsedExactly() {
        try (RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            BackendTarget t = target(mockup.port());
            Outcome registered = backend.register(new Operation.Register(t, null, null, null, null));
            assertThat(registered).isEqualTo(new Outcome.Registered("redfish-127.0.0.1:" + mockup.port() + "/redfish/v1/Systems/437XR1138R2"));
            Outcome inspected = backend.inspect(new Operation.Inspect(t));
            assertThat(((Outcome.Inspected) inspected).hardware()).isEqualTo(GOLDEN);
            assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(true));
        }
    }

    @Test
    void aSessionIsOpenedAtTheMockupsSessionsCollectionAndLoggedOut() {
        String before = mockup.get("/redfish/v1/SessionService/Sessions");
        RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults());
        BackendTarget t = target(mockup.port());
        assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(true));
        assertThat(backend.openSessions()).as("the mockup answered the login with X-Auth-Token").isEqualTo(1);
        assertThat(mockup.get("/redfish/v1/SessionService/Sessions")).as("a session member was created").isNotEqualTo(before);
        backend.close();
        assertThat(mockup.get("/redfish/v1/SessionService/Sessions")).as("logout deleted it again").isEqualTo(before);
    }

    @Test
    void etagModeIsHonouredOnPatch() {
        // The mockup is single-threaded and the gateway adds a read per PATCH: generous answer timeout on a loaded machine.
        try (RedfishGateway gw = RedfishGateway.start(mockup.base()).withEtags();
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)))) {
            BackendTarget t = target(gw.port());
            // A live-iso on the mockup: its CD has no InsertMedia action, so the image is PATCHed (iLO 4 style), then Boot.
            Image iso = new Image("http://127.0.0.1:1/etag-mode.iso", "", null, DiskFormat.LIVE_ISO);
            Outcome o = backend.provision(new Operation.Provision(t, iso, null, null, null, null, BootMode.UEFI, AutomatedCleaningMode.DISABLED));
            assertThat(o).as("inserted and restarted; the mockup never changes power by itself").isInstanceOf(Outcome.InProgress.class);
            List<RedfishGateway.Recorded> patches = gw.recordedMatching(r -> r.method().equals("PATCH"));
            assertThat(patches).extracting(RedfishGateway.Recorded::path)
                    .contains("/redfish/v1/Systems/437XR1138R2/VirtualMedia/CD1", "/redfish/v1/Systems/437XR1138R2");
            assertThat(patches).allMatch(p -> p.ifMatch() != null, "every PATCH carried If-Match");
            assertThat(mockup.get("/redfish/v1/Systems/437XR1138R2/VirtualMedia/CD1")).contains("etag-mode.iso");
            assertThat(mockup.get("/redfish/v1/Systems/437XR1138R2")).contains("\"BootSourceOverrideTarget\": \"Cd\"");
        }
    }
}
