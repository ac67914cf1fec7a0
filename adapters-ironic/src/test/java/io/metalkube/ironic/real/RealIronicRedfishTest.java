package io.metalkube.ironic.real;

import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.DiskFormat;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostAnnotations;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.InspectRequest;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.IronicSettings;
import io.metalkube.ironic.bench.ReconcileRig;
import io.metalkube.ironic.peers.RealIronic;
import io.metalkube.ironic.peers.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 "through Ironic": each Redfish driver family of metal3's BMC schemes, end to end through the application's
 * reconciler, the Ironic adapter (hardware type, boot interface and driver_info exactly as metal3 sends them), Debian's
 * Ironic 21.4 and the sushy-tools emulator, whose own view of each system (power, boot target, virtual media) is
 * checked directly. One path per family; the paths run at the same time, since they mostly wait for the emulator's
 * power changes (1–11 s each, 8–20 s through Ironic):
 * <ul>
 *   <li>{@code redfish+http} (ipxe boot): inspection fails as Ironic's out-of-band inspection does on the emulator,
 *       the host says how to go on, {@code inspect.metal3.io: disabled} lets it continue; live ISO by the ramdisk
 *       deploy → provisioned (emulator: on, boot Pxe) → deprovisioned (off) → deleted;</li>
 *   <li>{@code redfish-virtualmedia+http}: live ISO inserted as virtual media (emulator: CD inserted with Ironic's
 *       ISO, boot Cd, on) → deprovisioned (ejected, off) → deleted;</li>
 *   <li>{@code idrac-virtualmedia+http}: registered and powered on and off through Dell's idrac-redfish interfaces;
 *       provisioning needs Dell's OEM extension (sushy-oem-idrac, not in Debian 12) and a Dell BMC, so the host
 *       reports Ironic's reason; deleted;</li>
 *   <li>{@code redfish-uefihttp+http}: Ironic 21.4 has no redfish-https boot interface: a registration error that says
 *       so, and no node.</li>
 * </ul>
 */
class RealIronicRedfishTest {

    private static final Duration PHASE = Duration.ofSeconds(90);

    private static RealIronic ironic;
    private static SushyEmulator bmc;
    private static IronicBackend backend;
    private static IronicProbe probe;
    private static ExecutorService pool;
    private static Image liveIso;
    private static CompletableFuture<Void> redfish;
    private static CompletableFuture<Void> virtualMedia;
    private static CompletableFuture<Void> idrac;
    private static CompletableFuture<Void> uefiHttp;

    @BeforeAll
    static void startEveryPathAtOnce() throws IOException {
        ironic = RealIronic.shared();
        bmc = SushyEmulator.start(4);
        backend = new IronicBackend(IronicSettings.defaults(ironic.endpoint()).withPollInterval(Duration.ofMillis(500)),
                (host, ref, key) -> Optional.empty());
        probe = new IronicProbe(ironic.endpoint());
        Files.write(ironic.imagesDir().resolve("live.iso"), new byte[1 << 20]);
        liveIso = new Image(ironic.imageUrl("live.iso"), "", null, DiskFormat.LIVE_ISO);
        pool = Executors.newFixedThreadPool(4);
        redfish = run(RealIronicRedfishTest::redfishWithIpxe);
        virtualMedia = run(RealIronicRedfishTest::redfishVirtualMedia);
        idrac = run(RealIronicRedfishTest::idracVirtualMedia);
        uefiHttp = run(RealIronicRedfishTest::uefiHttpOnIronic21);
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (backend != null) {
            backend.close();
            probe.close();
        }
        if (bmc != null) {
            bmc.close();
        }
    }

    @Test
    void redfishBootsByIpxeAndSurvivesTheEmulatorsFailingInspection() throws Exception {
        await(redfish);
    }

    @Test
    void redfishVirtualMediaInsertsTheLiveIsoAndEjectsItOnDeprovisioning() throws Exception {
        await(virtualMedia);
    }

    @Test
    void idracVirtualMediaRegistersAndPowersThroughDellsInterfacesAndSaysWhyItCannotDeploy() throws Exception {
        await(idrac);
    }

    @Test
    void redfishUefiHttpIsARegistrationErrorOnIronic21() throws Exception {
        await(uefiHttp);
    }

    // ---- the paths ------------------------------------------------------------------------------------------------

    private static void redfishWithIpxe() {
        ReconcileRig rig = rig();
        HostId id = new HostId("rf", "ipxe");
        rig.hosts.put(Host.newHost(id, Map.of(), spec(bmc.address("redfish+http", 0)).withBootMACAddress(bmc.systems().get(0).mac())));

        rig.reconcileUntil(id, h -> h.status().errorType() == ErrorType.INSPECTION, "an inspection error", PHASE);
        assertThat(rig.host(id).state()).isEqualTo(ProvisioningState.INSPECTING);
        assertThat(rig.host(id).status().errorMessage()).contains("The attribute Processors is missing").contains("inspect.metal3.io: disabled");
        String node = rig.host(id).status().provisioning().id();
        Map<String, Object> n = probe.node(node);
        assertThat(n).containsEntry("driver", "redfish").containsEntry("boot_interface", "ipxe").containsEntry("inspect_interface", "redfish")
                .containsEntry("raid_interface", "redfish").containsEntry("name", "rf~ipxe");
        assertThat(IronicProbe.strings(n.get("driver_info"))).containsEntry("redfish_address", "http://127.0.0.1:" + bmc.port())
                .containsEntry("redfish_system_id", "/redfish/v1/Systems/" + bmc.systems().get(0).uuid())
                .containsEntry("redfish_username", SushyEmulator.USER).doesNotContainKey("redfish_verify_ca");

        rig.hosts.edit(id, h -> h.withAnnotations(h.annotations().withInspect(InspectRequest.DISABLED)));
        provisionAndTearDown(rig, id, 0, () -> assertThat(bmc.bootTarget(0)).as("iPXE: one network boot").isEqualTo("Pxe"));
    }

    private static void redfishVirtualMedia() {
        ReconcileRig rig = rig();
        HostId id = new HostId("rf", "vmedia");
        rig.hosts.put(withoutInspection(Host.newHost(id, Map.of(), spec(bmc.address("redfish-virtualmedia+http", 1)))));
        provisionAndTearDown(rig, id, 1, () -> {
            String node = rig.host(id).status().provisioning().id();
            assertThat(probe.node(node)).containsEntry("boot_interface", "redfish-virtual-media").containsEntry("deploy_interface", "ramdisk");
            assertThat(bmc.virtualCd(1)).containsEntry("Inserted", true);
            assertThat(String.valueOf(bmc.virtualCd(1).get("Image"))).as("Ironic republished the ISO; the emulator downloaded it")
                    .endsWith("/redfish/boot-" + node + ".iso");
            assertThat(bmc.bootTarget(1)).isEqualTo("Cd");
        });
        assertThat(bmc.virtualCd(1)).as("deprovisioning ejects the media").containsEntry("Inserted", false);
    }

    private static void idracVirtualMedia() {
        ReconcileRig rig = rig();
        HostId id = new HostId("rf", "idrac");
        rig.hosts.put(withoutInspection(Host.newHost(id, Map.of(), spec(bmc.address("idrac-virtualmedia+http", 2)).withImage(null))));

        rig.reconcileUntil(id, h -> h.state() == ProvisioningState.AVAILABLE && Boolean.TRUE.equals(h.status().poweredOn()),
                "available and powered on (spec.online)", PHASE);
        String node = rig.host(id).status().provisioning().id();
        assertThat(probe.node(node)).containsEntry("driver", "idrac").containsEntry("boot_interface", "idrac-redfish-virtual-media")
                .containsEntry("power_interface", "idrac-redfish").containsEntry("management_interface", "idrac-redfish")
                .containsEntry("vendor_interface", "idrac-redfish");
        assertThat(bmc.powerState(2)).as("on, through idrac-redfish power").isEqualTo("On");

        rig.hosts.edit(id, h -> h.withSpec(h.spec().withImage(liveIso)));
        rig.reconcileUntil(id, h -> h.status().errorType() == ErrorType.PROVISIONING, "a provisioning error", PHASE);
        assertThat(rig.host(id).status().errorMessage()).contains("rf/idrac").contains("No extensions found for \"manager\"");

        rig.hosts.edit(id, h -> h.withSpec(h.spec().withImage(null).withOnline(false)));
        rig.reconcileUntil(id, h -> h.state() == ProvisioningState.AVAILABLE && Boolean.FALSE.equals(h.status().poweredOn()),
                "deprovisioned and powered off", PHASE);
        assertThat(bmc.powerState(2)).isEqualTo("Off");
        rig.hosts.edit(id, Host::markedForDeletion);
        rig.reconcileUntilGone(id, PHASE);
        assertThat(probe.exists(node)).isFalse();
    }

    private static void uefiHttpOnIronic21() {
        ReconcileRig rig = rig();
        HostId id = new HostId("rf", "uefihttp");
        rig.hosts.put(withoutInspection(Host.newHost(id, Map.of(), spec(bmc.address("redfish-uefihttp+http", 3)))));

        rig.reconcileUntil(id, h -> h.status().errorType() == ErrorType.REGISTRATION, "a registration error", PHASE);
        assertThat(rig.host(id).status().errorMessage()).contains("redfish-uefihttp+http://", "redfish-https", "Ironic 24.0", "21.4");
        assertThat(rig.host(id).status().provisioning().id()).isEmpty();
        rig.hosts.edit(id, Host::markedForDeletion);
        rig.reconcileUntilGone(id, PHASE);
        assertThat(bmc.powerState(3)).as("Ironic never touched it").isEqualTo("Off");
    }

    /** available → provisioned (live ISO; emulator on) → image cleared and offline → available (off) → deleted. */
    private static void provisionAndTearDown(ReconcileRig rig, HostId id, int system, Runnable whileProvisioned) {
        rig.reconcileUntil(id, ProvisioningState.PROVISIONED, PHASE);
        String node = rig.host(id).status().provisioning().id();
        assertThat(probe.node(node)).containsEntry("provision_state", "active").containsEntry("deploy_interface", "ramdisk");
        assertThat(IronicProbe.strings(probe.node(node).get("instance_info"))).containsEntry("boot_iso", liveIso.url());
        assertThat(bmc.powerState(system)).as("the emulated system was powered on to boot the live ISO").isEqualTo("On");
        whileProvisioned.run();

        rig.hosts.edit(id, h -> h.withSpec(h.spec().withImage(null).withOnline(false)));
        rig.reconcileUntil(id, ProvisioningState.AVAILABLE, PHASE);
        assertThat(probe.node(node)).containsEntry("provision_state", "available");
        assertThat(bmc.powerState(system)).as("undeploy powered the emulated system off").isEqualTo("Off");

        rig.hosts.edit(id, Host::markedForDeletion);
        rig.reconcileUntilGone(id, PHASE);
        assertThat(probe.exists(node)).as("the node is deleted with the host").isFalse();
    }

    /** Online with the live ISO; automated cleaning off (cleaning boots Ironic's deploy ramdisk, which nothing here runs). */
    private static HostSpec spec(String address) {
        return new HostSpec(new BmcDetails(address, "bmc", false), null, true, liveIso, null, null, null, null, false,
                AutomatedCleaningMode.DISABLED, null, null, false);
    }

    private static Host withoutInspection(Host host) {
        return host.withAnnotations(HostAnnotations.none().withInspect(InspectRequest.DISABLED));
    }

    private static ReconcileRig rig() {
        ReconcileRig rig = new ReconcileRig(backend);
        rig.credentials.put("rf", "bmc", SushyEmulator.USER, bmc.password());
        return rig;
    }

    private static CompletableFuture<Void> run(Runnable path) {
        return CompletableFuture.runAsync(path, pool);
    }

    private static void await(CompletableFuture<Void> path) throws Exception {
        try {
            path.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw (Exception) e.getCause();
        }
    }
}
