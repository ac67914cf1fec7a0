package io.metalkube.ironic.bench;

import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.BmcDetails;
import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.HostSpec;
import io.metalkube.domain.host.HostStatus;
import io.metalkube.domain.host.Image;
import io.metalkube.domain.host.OperationalStatus;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.ProvisioningStatus;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.IronicSettings;
import io.metalkube.ironic.driver.CredentialsHash;
import io.metalkube.ironic.driver.HardwareMode;
import io.metalkube.ironic.peers.IpmiSim;
import io.metalkube.ironic.peers.RealIronic;
import io.metalkube.ironic.stub.StubIronic;
import io.metalkube.ironic.wire.Wire;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark (not a test): Ironic HTTP calls per steady-state reconcile of a provisioned and an available host,
 * through the application's real HostReconciler, against the stub Ironic and against a real Ironic (Debian 21.4,
 * fake-hardware nodes with ipmitool power on ipmi_sim). Also counts the calls each lifecycle phase took.
 * Reproduce: see {@link #COMMAND}.
 */
public final class CallsPerReconcile {

    static final String COMMAND = "bin/bench ironic-calls [reconciles, default 500]";

    private static final String UUID = "0b4a7d9e-5c1f-4f57-9d3c-5a0f0c2c1e01";
    private static final Image IMAGE = Image.of("http://images.example/os.qcow2", "3f786850e387550fdab836ed7e6dc881");

    private CallsPerReconcile() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        System.out.println("Ironic calls per steady-state reconcile (HostReconciler + Ironic adapter), " + n + " reconciles each");
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        stub(n);
        if (Files.isExecutable(Path.of("/usr/bin/ironic")) && Files.isExecutable(Path.of("/usr/bin/ipmi_sim"))) {
            real(Math.min(n, 200));
        } else {
            System.out.println("real Ironic: skipped (install the peers with bin/install-peers.sh)");
        }
        System.out.println("reproduce with:\n" + COMMAND);
        System.exit(0);
    }

    private static void stub(int n) throws Exception {
        BmcCredentials creds = BmcCredentials.of("admin", "bench-pw");
        try (StubIronic stub = StubIronic.http();
             IronicBackend ironic = new IronicBackend(IronicSettings.defaults(stub.endpoint()), (h, r, k) -> Optional.empty())) {
            ReconcileRig rig = new ReconcileRig(ironic);
            rig.credentials.put("bench", "bmc", creds.username(), creds.password());
            for (ProvisioningState state : new ProvisioningState[]{ProvisioningState.PROVISIONED, ProvisioningState.AVAILABLE}) {
                HostId id = new HostId("bench", "stub-" + state.wireName());
                String uuid = UUID.substring(0, 35) + (state == ProvisioningState.PROVISIONED ? "1" : "2");
                stub.route("GET /v1/nodes/" + uuid, 200, Wire.write(node(uuid, id, state == ProvisioningState.PROVISIONED ? "active" : "available", creds)));
                HostSpec spec = HostSpec.empty().withBmc(new BmcDetails("ipmi://10.0.0.7", "bmc", false)).withOnline(true)
                        .withImage(state == ProvisioningState.PROVISIONED ? IMAGE : null);
                HostStatus status = HostStatus.initial().withProvisioning(ProvisioningStatus.initial().withState(state).withId(uuid)
                                .withImage(state == ProvisioningState.PROVISIONED ? IMAGE : null))
                        .withOperationalStatus(OperationalStatus.OK).withPoweredOn(true).withGoodCredentials(new CredentialsVersion("bmc", "1"));
                rig.hosts.put(Host.newHost(id, Map.of(), spec).withStatus(status));
                rig.steadyState(id, 50); // warm-up: JIT, connection, microversion negotiation
                print("stub Ironic", state, rig.steadyState(id, n));
            }
        }
    }

    private static void real(int n) {
        RealIronic real = RealIronic.shared();
        try (IpmiSim bmc = IpmiSim.start("bench-pw");
             IronicBackend ironic = new IronicBackend(IronicSettings.defaults(real.endpoint()).withHardwareMode(HardwareMode.FAKE_WITH_IPMITOOL_POWER)
                     .withIpmiCipherSuite(3).withPollInterval(Duration.ofMillis(200)), (h, r, k) -> Optional.empty())) {
            bmc.setPower(true);
            ReconcileRig rig = new ReconcileRig(ironic);
            HostId id = new HostId("bench", "real-1");
            rig.credentials.put("bench", "bmc", "admin", bmc.password());
            rig.hosts.put(Host.newHost(id, Map.of(), HostSpec.empty().withBmc(new BmcDetails(bmc.address(), "bmc", false)).withOnline(true)));

            long c0 = ironic.ironicCalls();
            long t0 = System.nanoTime();
            int r = rig.reconcileUntil(id, ProvisioningState.AVAILABLE, Duration.ofSeconds(120));
            System.out.printf("real Ironic  new host -> available: %d reconciles, %d Ironic calls, %.1f s%n", r, ironic.ironicCalls() - c0, (System.nanoTime() - t0) / 1e9);
            rig.reconcileUntilPowerKnown(id);
            print("real Ironic", ProvisioningState.AVAILABLE, rig.steadyState(id, n));

            rig.hosts.edit(id, h -> h.withSpec(h.spec().withImage(IMAGE)));
            c0 = ironic.ironicCalls();
            t0 = System.nanoTime();
            r = rig.reconcileUntil(id, ProvisioningState.PROVISIONED, Duration.ofSeconds(120));
            System.out.printf("real Ironic  available -> provisioned: %d reconciles, %d Ironic calls, %.1f s%n", r, ironic.ironicCalls() - c0, (System.nanoTime() - t0) / 1e9);
            rig.reconcileUntilPowerKnown(id);
            print("real Ironic", ProvisioningState.PROVISIONED, rig.steadyState(id, n));
        }
    }

    private static void print(String where, ProvisioningState state, ReconcileRig.Measured m) {
        System.out.printf("%-12s %-11s steady state: %.2f Ironic calls per reconcile (%d calls / %d reconciles), %.2f ms per reconcile%n",
                where, state.wireName(), m.callsPerReconcile(), m.calls(), m.reconciles(), m.millisPerReconcile());
    }

    private static Map<String, Object> node(String uuid, HostId id, String state, BmcCredentials creds) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("uuid", uuid);
        n.put("name", id.namespace() + "~" + id.name());
        n.put("driver", "ipmi");
        n.put("provision_state", state);
        n.put("power_state", "power on");
        n.put("driver_info", Map.of("ipmi_address", "10.0.0.7", "ipmi_port", 623, "ipmi_username", "admin", "ipmi_password", "******"));
        n.put("instance_info", Map.of("image_source", IMAGE.url()));
        n.put("extra", Map.of(CredentialsHash.EXTRA_KEY, new CredentialsHash().hash(creds)));
        return n;
    }
}
