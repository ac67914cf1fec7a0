package io.metalkube.redfish.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.redfish.BootDevice;
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

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot override, once, for PXE, the virtual CD and UEFI HTTP ({@link RedfishBackend#bootOnce}; no application port
 * asks for a bare override yet, so it is proven here at the adapter level): the exact PATCH bodies (golden, the full
 * Boot triple every time), read through {@link RedfishGateway} in front of a real sushy-tools emulator (UEFI HTTP boot
 * completed in its fake driver, {@link SushyEmulator#startWithHttpBootUri}), and what the emulator then reports.
 * Vendor BMCs the emulator cannot be (Supermicro's UsbCd, a board without a boot mode, a short target list) are the
 * emulator's systems reshaped by the gateway; the PATCHes still reach the emulator.
 */
@Execution(ExecutionMode.CONCURRENT) // no power changes: each test uses a system of its own
class BootOverrideTest {

    static SushyEmulator emulator;
    static IsoServer images;
    static RedfishBackend backend;

    @BeforeAll
    static void start() {
        emulator = SushyEmulator.startWithHttpBootUri("boot-override", 12);
        images = IsoServer.start();
        backend = new RedfishBackend(RedfishSettings.defaults());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        if (images != null) {
            images.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** A gateway (stopped by the caller) in front of the emulator, showing its systems in {@code shape}. */
    static RedfishGateway gateway(UnaryOperator<ObjectNode> shape) {
        return RedfishGateway.start(emulator.base()).withSystemShape(shape);
    }

    static BackendTarget via(RedfishGateway gw, String uuid) {
        return new BackendTarget(new HostId("test", "boot-" + uuid.substring(0, 8)), "", BmcAddress.parse(gw.address("/redfish/v1/Systems/" + uuid)),
                BmcCredentials.of(SushyEmulator.USER, SushyEmulator.PASSWORD), "", false);
    }

    static List<String> patches(RedfishGateway gw, String uuid) {
        return gw.recordedMatching(r -> r.method().equals("PATCH") && r.path().equals("/redfish/v1/Systems/" + uuid))
                .stream().map(RedfishGateway.Recorded::body).toList();
    }

    @Test
    void pxeOnceSendsTheFullTripleAndTheEmulatorBootsFromPxe() {
        String uuid = emulator.nextSystem();
        try (RedfishGateway gw = gateway(UnaryOperator.identity())) {
            assertThat(backend.bootOnce(via(gw, uuid), BootDevice.PXE, BootMode.UEFI, null)).isEqualTo(new Outcome.Done());
            assertThat(patches(gw, uuid)).containsExactly(
                    "{\"Boot\":{\"BootSourceOverrideTarget\":\"Pxe\",\"BootSourceOverrideEnabled\":\"Once\",\"BootSourceOverrideMode\":\"UEFI\"}}");
        }
        assertThat(emulator.bootTarget(uuid)).isEqualTo("Pxe");
    }

    @Test
    void cdOnceInLegacyModeSendsLegacyAndTheEmulatorTakesBoth() {
        String uuid = emulator.nextSystem();
        try (RedfishGateway gw = gateway(UnaryOperator.identity())) {
            assertThat(backend.bootOnce(via(gw, uuid), BootDevice.CD, BootMode.LEGACY, null)).isEqualTo(new Outcome.Done());
            assertThat(patches(gw, uuid)).containsExactly(
                    "{\"Boot\":{\"BootSourceOverrideTarget\":\"Cd\",\"BootSourceOverrideEnabled\":\"Once\",\"BootSourceOverrideMode\":\"Legacy\"}}");
        }
        assertThat(emulator.bootTarget(uuid)).isEqualTo("Cd");
        assertThat(emulator.bootMode(uuid)).isEqualTo("Legacy");
    }

    @Test
    void uefiHttpOnceCarriesTheUriWhichTheEmulatorDownloads() {
        String uuid = emulator.nextSystem();
        String url = images.url("boot-override-http.iso");
        try (RedfishGateway gw = gateway(UnaryOperator.identity())) {
            assertThat(backend.bootOnce(via(gw, uuid), BootDevice.UEFI_HTTP, BootMode.UEFI, url)).isEqualTo(new Outcome.Done());
            assertThat(patches(gw, uuid)).containsExactly("{\"Boot\":{\"BootSourceOverrideTarget\":\"UefiHttp\",\"BootSourceOverrideEnabled\":\"Once\","
                    + "\"BootSourceOverrideMode\":\"UEFI\",\"HttpBootUri\":\"" + url + "\"}}");
        }
        assertThat(emulator.httpBootUri(uuid)).isEqualTo(url);
        assertThat(images.downloads("boot-override-http.iso")).as("the emulator fetched the URI").isEqualTo(1);
    }

    @Test
    void uefiHttpOnceWithoutAUriSendsNullSoTheFirmwareAsksDhcp() {
        String uuid = emulator.nextSystem();
        try (RedfishGateway gw = gateway(UnaryOperator.identity())) {
            assertThat(backend.bootOnce(via(gw, uuid), BootDevice.UEFI_HTTP, BootMode.UEFI_SECURE_BOOT, null)).isEqualTo(new Outcome.Done());
            assertThat(patches(gw, uuid)).containsExactly("{\"Boot\":{\"BootSourceOverrideTarget\":\"UefiHttp\",\"BootSourceOverrideEnabled\":\"Once\","
                    + "\"BootSourceOverrideMode\":\"UEFI\",\"HttpBootUri\":null}}");
        }
        assertThat(emulator.httpBootUri(uuid)).isNull();
        assertThat(emulator.bootTarget(uuid)).as("sushy-tools stores UefiHttp without a URI as a network boot").isEqualTo("Pxe");
    }

    /** sushy-tools lists UefiHttp only in UEFI mode, as BMCs list the targets of their current mode. */
    @Test
    void aBmcInLegacyModeIsSwitchedToUefiBeforeTheUefiHttpOverride() {
        String uuid = emulator.nextSystem();
        emulator.patchBoot(uuid, "{\"BootSourceOverrideMode\": \"Legacy\"}");
        String url = images.url("from-legacy.iso");
        try (RedfishGateway gw = gateway(UnaryOperator.identity())) {
            assertThat(backend.bootOnce(via(gw, uuid), BootDevice.UEFI_HTTP, BootMode.UEFI, url)).isEqualTo(new Outcome.Done());
            assertThat(patches(gw, uuid)).containsExactly(
                    "{\"Boot\":{\"BootSourceOverrideTarget\":\"Hdd\",\"BootSourceOverrideEnabled\":\"Continuous\",\"BootSourceOverrideMode\":\"UEFI\"}}",
                    "{\"Boot\":{\"BootSourceOverrideTarget\":\"UefiHttp\",\"BootSourceOverrideEnabled\":\"Once\",\"BootSourceOverrideMode\":\"UEFI\","
                            + "\"HttpBootUri\":\"" + url + "\"}}");
        }
        assertThat(emulator.bootMode(uuid)).isEqualTo("UEFI");
        assertThat(emulator.httpBootUri(uuid)).isEqualTo(url);
    }

    /** Supermicro X11/X12: both Cd and UsbCd are listed, virtual media boots only as UsbCd; this board reports no mode. */
    @Test
    void aSupermicroBootsTheVirtualCdAsUsbCdAndGetsNoModeItDoesNotReport() {
        String uuid = emulator.nextSystem();
        try (RedfishGateway gw = gateway(supermicro("SYS-1029P-WTR"))) {
            assertThat(backend.bootOnce(via(gw, uuid), BootDevice.CD, BootMode.UEFI, null)).isEqualTo(new Outcome.Done());
            assertThat(patches(gw, uuid)).containsExactly("{\"Boot\":{\"BootSourceOverrideTarget\":\"UsbCd\",\"BootSourceOverrideEnabled\":\"Once\"}}");
        }
        assertThat(emulator.bootTarget(uuid)).isEqualTo("UsbCd");
    }

    /** The Supermicro ARS-111GL-NHR lists both too, but boots virtual media as Cd (sushy 595ffbcf). */
    @Test
    void theSupermicroArs111glBootsTheVirtualCdAsCd() {
        String uuid = emulator.nextSystem();
        try (RedfishGateway gw = gateway(supermicro("ARS-111GL-NHR"))) {
            assertThat(backend.bootOnce(via(gw, uuid), BootDevice.CD, BootMode.UEFI, null)).isEqualTo(new Outcome.Done());
            assertThat(patches(gw, uuid)).containsExactly("{\"Boot\":{\"BootSourceOverrideTarget\":\"Cd\",\"BootSourceOverrideEnabled\":\"Once\"}}");
        }
    }

    @Test
    void aTargetTheBmcDoesNotListIsRefusedWithoutAPatch() {
        String uuid = emulator.nextSystem();
        try (RedfishGateway gw = gateway(system -> {
            system.withObject("/Boot").putArray("BootSourceOverrideTarget@Redfish.AllowableValues").add("Pxe").add("Hdd");
            return system;
        })) {
            BackendTarget t = via(gw, uuid);
            for (BootDevice device : List.of(BootDevice.CD, BootDevice.UEFI_HTTP)) {
                Outcome o = backend.bootOnce(t, device, BootMode.UEFI, null);
                assertThat(o).as(device.name()).isInstanceOf(Outcome.Failed.class);
                assertThat(((Outcome.Failed) o).message()).contains(t.host().toString(), "cannot boot from " + device.wire(), "[Pxe, Hdd]", "UEFI mode");
            }
            assertThat(patches(gw, uuid)).isEmpty();
        }
    }

    @Test
    void uefiHttpInLegacyModeOrAUriForAnotherTargetIsRefusedBeforeTheBmcIsAsked() {
        String uuid = emulator.nextSystem();
        try (RedfishGateway gw = gateway(UnaryOperator.identity())) {
            BackendTarget t = via(gw, uuid);
            Outcome legacy = backend.bootOnce(t, BootDevice.UEFI_HTTP, BootMode.LEGACY, images.url("x.iso"));
            assertThat(((Outcome.Failed) legacy).message()).contains(t.host().toString(), "needs UEFI", "spec.bootMode");
            Outcome pxeWithUri = backend.bootOnce(t, BootDevice.PXE, BootMode.UEFI, images.url("x.iso"));
            assertThat(((Outcome.Failed) pxeWithUri).message()).contains("only with UEFI HTTP boot");
            assertThat(patches(gw, uuid)).isEmpty();
        }
        assertThat(images.downloads("x.iso")).isZero();
    }

    /** A Supermicro as the gateway shows it: both CD targets listed, no BootSourceOverrideMode (X10-like). */
    static UnaryOperator<ObjectNode> supermicro(String model) {
        return system -> {
            system.put("Manufacturer", "Supermicro").put("Model", model);
            ObjectNode boot = system.withObject("/Boot");
            boot.remove("BootSourceOverrideMode");
            boot.putArray("BootSourceOverrideTarget@Redfish.AllowableValues")
                    .add("None").add("Pxe").add("Hdd").add("Cd").add("UsbCd").add("BiosSetup").add("UefiHttp");
            return system;
        };
    }
}
