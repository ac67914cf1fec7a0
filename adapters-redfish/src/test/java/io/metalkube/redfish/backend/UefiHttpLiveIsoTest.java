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
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.time.Duration;

import static io.metalkube.redfish.backend.RedfishBackendAgainstEmulatorTest.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * live-iso on a {@code redfish-uefihttp://} host: the ISO is booted by UEFI HTTP — {@code Boot.HttpBootUri} = the image
 * URL, target UefiHttp, once — never by virtual media, against a real sushy-tools emulator that downloads the URI from
 * a loopback HTTP server (UEFI HTTP boot completed in its fake driver: {@link SushyEmulator#startWithHttpBootUri}).
 * Requests are read through {@link RedfishGateway}, which forwards them unchanged.
 */
@Execution(ExecutionMode.CONCURRENT) // its tests use systems of their own and mostly wait for the emulator
class UefiHttpLiveIsoTest {

    static SushyEmulator emulator;
    static IsoServer images;
    static RedfishGateway gateway;
    static RedfishBackend backend;

    @BeforeAll
    static void start() {
        emulator = SushyEmulator.startWithHttpBootUri("uefihttp", 4);
        images = IsoServer.start();
        gateway = RedfishGateway.start(emulator.base());
        backend = new RedfishBackend(RedfishSettings.defaults());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (images != null) {
            images.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    static BackendTarget uefiHttpHost(String uuid) {
        return new BackendTarget(new HostId("test", "http-boot-" + uuid.substring(0, 8)), "",
                BmcAddress.parse(gateway.address("redfish-uefihttp+http", "/redfish/v1/Systems/" + uuid)),
                BmcCredentials.of(SushyEmulator.USER, SushyEmulator.PASSWORD), "", false);
    }

    static Operation.Provision liveIso(BackendTarget t, Image iso, BootMode mode) {
        return new Operation.Provision(t, iso, null, null, null, null, mode, AutomatedCleaningMode.DISABLED);
    }

    @Test
    void aRunningHostIsRestartedIntoTheIsoByUefiHttpAndDeprovisioningClearsTheUriAndPowersOff() {
        String uuid = emulator.nextSystem();
        emulator.setPower(uuid, true);
        BackendTarget t = uefiHttpHost(uuid);
        Image iso = new Image(images.url("uefi-http-live.iso"), "", null, DiskFormat.LIVE_ISO);

        Outcome done = until(() -> backend.provision(liveIso(t, iso, BootMode.UEFI)), Duration.ofSeconds(90));

        assertThat(done).isEqualTo(new Outcome.Done());
        assertThat(emulator.httpBootUri(uuid)).as("the BMC reports the boot URI").isEqualTo(iso.url());
        assertThat(emulator.poweredOn(uuid)).isTrue();
        assertThat(images.downloads("uefi-http-live.iso")).as("the emulator fetched the ISO").isEqualTo(1);
        String system = "/redfish/v1/Systems/" + uuid;
        assertThat(gateway.recordedMatching(r -> r.path().startsWith(system + "/VirtualMedia") && !r.method().equals("GET")))
                .as("no virtual media used").isEmpty();
        assertThat(gateway.recordedMatching(r -> r.method().equals("PATCH") && r.path().equals(system)).stream().map(RedfishGateway.Recorded::body))
                .containsExactly("{\"Boot\":{\"BootSourceOverrideTarget\":\"UefiHttp\",\"BootSourceOverrideEnabled\":\"Once\","
                        + "\"BootSourceOverrideMode\":\"UEFI\",\"HttpBootUri\":\"" + iso.url() + "\"}}");
        assertThat(gateway.recordedMatching(r -> r.method().equals("POST") && r.path().equals(system + "/Actions/ComputerSystem.Reset"))
                .stream().map(RedfishGateway.Recorded::body)).as("the running host restarted once, never reset again while it came up")
                .containsExactly("{\"ResetType\":\"ForceRestart\"}");

        Outcome gone = until(() -> backend.deprovision(new Operation.Deprovision(t, AutomatedCleaningMode.DISABLED)), Duration.ofSeconds(90));

        assertThat(gone).isEqualTo(new Outcome.Done());
        assertThat(emulator.httpBootUri(uuid)).as("HttpBootUri cleared").isNull();
        assertThat(emulator.insertedImage(uuid)).as("nothing left in the emulator's CD either").isNull();
        assertThat(emulator.poweredOn(uuid)).isFalse();
        assertThat(gateway.recordedMatching(r -> r.method().equals("PATCH") && r.path().equals(system)).stream().map(RedfishGateway.Recorded::body))
                .last().as("the clearing PATCH: full triple (sushy-tools lists no None target), URI null")
                .isEqualTo("{\"Boot\":{\"BootSourceOverrideTarget\":\"Cd\",\"BootSourceOverrideEnabled\":\"Disabled\","
                        + "\"BootSourceOverrideMode\":\"UEFI\",\"HttpBootUri\":null}}");
    }

    /** Dell iDRAC has no Boot.HttpBootUri (the URI is a BIOS attribute there): the boot cannot be confirmed, so no power-on. */
    @Test
    void aBmcWithoutTheHttpBootUriPropertyIsAClearErrorAndTheHostStaysOff() {
        String uuid = emulator.nextSystem();
        try (RedfishGateway noUri = RedfishGateway.start(emulator.base()).withSystemShape(system -> {
            system.withObject("/Boot").remove("HttpBootUri");
            return system;
        })) {
            BackendTarget t = new BackendTarget(new HostId("test", "idrac-like"), "",
                    BmcAddress.parse(noUri.address("redfish-uefihttp+http", "/redfish/v1/Systems/" + uuid)),
                    BmcCredentials.of(SushyEmulator.USER, SushyEmulator.PASSWORD), "", false);
            Outcome o = backend.provision(liveIso(t, new Image(images.url("no-uri.iso"), "", null, DiskFormat.LIVE_ISO), BootMode.UEFI));
            assertThat(((Outcome.Failed) o).message()).contains("test/idrac-like", "no Boot.HttpBootUri", "redfish-virtualmedia://");
            assertThat(noUri.recordedMatching(r -> r.method().equals("POST"))).as("never powered on").isEmpty();
        }
        assertThat(emulator.poweredOn(uuid)).isFalse();
    }

    @Test
    void aLegacyHostIsRefusedBeforeTheBmcIsAsked() {
        String uuid = emulator.nextSystem();
        BackendTarget t = uefiHttpHost(uuid);
        Outcome o = backend.provision(liveIso(t, new Image(images.url("legacy.iso"), "", null, DiskFormat.LIVE_ISO), BootMode.LEGACY));
        assertThat(((Outcome.Failed) o).message()).contains(t.host().toString(), "redfish-uefihttp", "spec.bootMode", "redfish-virtualmedia://");
        assertThat(gateway.recordedMatching(r -> r.path().contains(uuid))).isEmpty();
    }
}
