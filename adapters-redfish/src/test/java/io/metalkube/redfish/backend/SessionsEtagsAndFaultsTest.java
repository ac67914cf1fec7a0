package io.metalkube.redfish.backend;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.peer.IsoServer;
import io.metalkube.redfish.peer.RedfishGateway;
import io.metalkube.redfish.peer.RedfishGateway.Fault;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions, ETags and BMC faults that sushy-tools does not produce, shown through {@link RedfishGateway} in front of
 * a real emulator: the gateway adds a DSP0266 session service (login checked by the emulator's own htpasswd), ETag
 * enforcement and one-shot faults; every other answer is the emulator's.
 */
@Execution(ExecutionMode.CONCURRENT) // its tests use systems of their own and mostly wait for the emulator
class SessionsEtagsAndFaultsTest {

    static SushyEmulator emulator;
    static IsoServer images;
    /**
     * The system whose VirtualMedia sushy-tools' Manager links, kept for the test that needs it: handed out by
     * {@code nextSystem()} too, a concurrent test powered it while that test provisioned it, and the image it found
     * inserted was gone (a CI failure on 2026-12-02).
     */
    static String managerLinked;

    @BeforeAll
    static void start() {
        emulator = SushyEmulator.start("gateway", 10);
        managerLinked = emulator.nextSystem();
        images = IsoServer.start();
    }

    @AfterAll
    static void stop() {
        if (images != null) {
            images.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    static BackendTarget via(RedfishGateway gw, String uuid, String password) {
        return new BackendTarget(new HostId("test", "gw-" + uuid.substring(0, 8)), "", BmcAddress.parse(gw.address("/redfish/v1/Systems/" + uuid)),
                BmcCredentials.of(SushyEmulator.USER, password), "", false);
    }

    @Test
    void aSessionDeletedOnTheBmcIsReplacedByATransparentReLoginAndLoggedOutAtTheEnd() {
        try (RedfishGateway gw = RedfishGateway.start(emulator.base()).withSessions();
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            BackendTarget t = via(gw, emulator.nextSystem(), SushyEmulator.PASSWORD);
            assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(false));
            assertThat(gw.openSessions()).isEqualTo(1);
            assertThat(backend.openSessions()).isEqualTo(1);
            assertThat(gw.recordedMatching(r -> r.method().equals("GET") && r.path().contains("/Systems/")))
                    .allMatch(r -> r.token() && !r.basic());

            assertThat(gw.deleteAllSessions()).isEqualTo(1);
            assertThat(backend.readPower(new Operation.ReadPower(t))).as("no error after the BMC dropped the session")
                    .isEqualTo(new Outcome.PowerState(false));
            assertThat(gw.recordedMatching(r -> r.method().equals("POST") && r.path().equals("/redfish/v1/SessionService/Sessions"))).hasSize(2);
            assertThat(gw.openSessions()).isEqualTo(1);

            for (int i = 0; i < 5; i++) {
                backend.readPower(new Operation.ReadPower(t));
            }
            assertThat(gw.recordedMatching(r -> r.method().equals("POST") && r.path().endsWith("/Sessions"))).as("the token is reused").hasSize(2);

            backend.delete(new Operation.Delete(t));
            assertThat(gw.openSessions()).as("the last host gone logs the session out").isZero();
            assertThat(gw.recordedMatching(r -> r.method().equals("DELETE") && r.path().startsWith("/redfish/v1/SessionService/Sessions/"))).hasSize(1);
        }
    }

    @Test
    void aRefusedLoginQuotesTheBmcAndIsNotRetriedWithBasic() {
        try (RedfishGateway gw = RedfishGateway.start(emulator.base()).withSessions();
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            BackendTarget t = via(gw, emulator.nextSystem(), "not-the-password");
            Outcome o = backend.register(new Operation.Register(t, null, null, null, null));
            assertThat(((Outcome.Failed) o).message()).contains("HTTP 401", "Incorrect username or password").doesNotContain("not-the-password");
            assertThat(gw.recordedMatching(RedfishGateway.Recorded::basic)).as("no Basic fallback after a refused login").isEmpty();
            Outcome again = backend.register(new Operation.Register(t, null, null, null, null));
            assertThat(((Outcome.Failed) again).message()).contains("remembered");
            assertThat(gw.recordedMatching(r -> r.method().equals("POST"))).as("the refusal is answered from memory").hasSize(1);
        }
    }

    @Test
    void patchesCarryTheEtagTheBmcGaveAndTheBootOverrideIsSentWithIt() {
        try (RedfishGateway gw = RedfishGateway.start(emulator.base()).withEtags();
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            String uuid = emulator.nextSystem();
            BackendTarget t = via(gw, uuid, SushyEmulator.PASSWORD);
            Image iso = new Image(images.url("etag.iso"), "", null, DiskFormat.LIVE_ISO);
            Outcome o = RedfishBackendAgainstEmulatorTest.until(() -> backend.provision(new Operation.Provision(t, iso, null, null, null, null,
                    BootMode.UEFI, AutomatedCleaningMode.DISABLED)), Duration.ofSeconds(90));
            assertThat(o).isEqualTo(new Outcome.Done());
            List<RedfishGateway.Recorded> patches = gw.recordedMatching(r -> r.method().equals("PATCH"));
            assertThat(patches).isNotEmpty().allMatch(r -> r.ifMatch() != null && r.ifMatch().startsWith("\""));
            assertThat(emulator.bootTarget(uuid)).isEqualTo("Cd");
        }
    }

    @Test
    void aResourceChangedBetweenTheGetAndThePatchIsPatchedAgainWithAFreshTagNeverWithout() {
        // The emulator changes a system's body whenever a power change lands, so the tag read before a PATCH can be
        // stale by the time the PATCH arrives (seen in CI under load: 412, then a retry without If-Match → 428).
        try (RedfishGateway gw = RedfishGateway.start(emulator.base()).withEtags();
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            String uuid = emulator.nextSystem();
            BackendTarget t = via(gw, uuid, SushyEmulator.PASSWORD);
            gw.inject(r -> r.equals("PATCH /redfish/v1/Systems/" + uuid), new Fault.Status(412, null));
            Image iso = new Image(images.url("stale.iso"), "", null, DiskFormat.LIVE_ISO);
            Outcome o = RedfishBackendAgainstEmulatorTest.until(() -> backend.provision(new Operation.Provision(t, iso, null, null, null, null,
                    BootMode.UEFI, AutomatedCleaningMode.DISABLED)), Duration.ofSeconds(90));
            assertThat(o).isEqualTo(new Outcome.Done());
            assertThat(gw.recordedMatching(r -> r.method().equals("PATCH") && r.path().equals("/redfish/v1/Systems/" + uuid)))
                    .hasSizeGreaterThanOrEqualTo(2).allMatch(r -> r.ifMatch() != null && r.ifMatch().startsWith("\""));
        }
    }

    @Test
    void aDroppedConnectionIsRetriedOnceAnd503WaitsForRetryAfter() {
        try (RedfishGateway gw = RedfishGateway.start(emulator.base());
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            String uuid = emulator.nextSystem();
            BackendTarget t = via(gw, uuid, SushyEmulator.PASSWORD);
            assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(false));

            gw.inject(r -> r.equals("GET /redfish/v1/Systems/" + uuid), new Fault.Drop());
            assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(false));

            gw.inject(r -> r.equals("GET /redfish/v1/Systems/" + uuid), new Fault.Status(503, "1"));
            long t0 = System.nanoTime();
            assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(false));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofMillis(950));

            for (int i = 0; i < 4; i++) {
                gw.inject(r -> r.equals("GET /redfish/v1/Systems/" + uuid), new Fault.Status(500, null));
            }
            Outcome failed = backend.readPower(new Operation.ReadPower(t));
            assertThat(((Outcome.Failed) failed).message()).as("after 3 retries with back-off the 500 is reported")
                    .contains("HTTP 500", "injected 500");
        }
    }

    @Test
    void a202TaskMonitorIsFollowedToItsEnd() {
        try (RedfishGateway gw = RedfishGateway.start(emulator.base());
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            String uuid = emulator.nextSystem();
            BackendTarget t = via(gw, uuid, SushyEmulator.PASSWORD);
            gw.inject(r -> r.startsWith("POST ") && r.endsWith("ComputerSystem.Reset"), new Fault.Async(2));
            Outcome o = RedfishBackendAgainstEmulatorTest.until(() -> backend.powerOn(new Operation.PowerOn(t)), Duration.ofSeconds(90));
            assertThat(o).isEqualTo(new Outcome.PowerState(true));
            assertThat(gw.recordedMatching(r -> r.path().startsWith("/redfish/v1/TaskService/TaskMonitors/"))).as("two 202 polls, then the end").hasSize(3);
            assertThat(emulator.poweredOn(uuid)).isTrue();
        }
    }

    @Test
    void pagedCollectionsAreFollowedAndVirtualMediaIsFoundUnderTheManager() {
        try (RedfishGateway gw = RedfishGateway.start(emulator.base()).withPageSize(3).withVirtualMediaOnlyUnderManager();
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            BackendTarget noPath = new BackendTarget(new HostId("test", "paged"), "", BmcAddress.parse("redfish+http://127.0.0.1:" + gw.port()),
                    BmcCredentials.of(SushyEmulator.USER, SushyEmulator.PASSWORD), "", false);
            String message = ((Outcome.Failed) backend.register(new Operation.Register(noPath, null, null, null, null))).message();
            assertThat(message).as("all pages of 3 were read").contains("has 10 systems");
            assertThat(gw.recordedMatching(r -> r.path().equals("/redfish/v1/Systems"))).hasSize(4);

            // sushy-tools' Manager links the first system's VirtualMedia collection
            String first = managerLinked;
            assertThat(first).isEqualTo(emulator.uuids().getFirst());
            BackendTarget t = via(gw, first, SushyEmulator.PASSWORD);
            Image iso = new Image(images.url("manager-vmedia.iso"), "", null, DiskFormat.LIVE_ISO);
            Outcome o = RedfishBackendAgainstEmulatorTest.until(() -> backend.provision(new Operation.Provision(t, iso, null, null, null, null,
                    BootMode.UEFI, AutomatedCleaningMode.DISABLED)), Duration.ofSeconds(90));
            assertThat(o).isEqualTo(new Outcome.Done());
            assertThat(gw.recordedMatching(r -> r.path().startsWith("/redfish/v1/Managers/"))).isNotEmpty();
            assertThat(emulator.insertedImage(first)).isEqualTo(iso.url());
        }
    }
}
