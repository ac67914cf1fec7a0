package io.metalkube.ipmi.backend;

import io.metalkube.domain.bmc.BmcAddress;
import io.metalkube.domain.host.AutomatedCleaningMode;
import io.metalkube.domain.host.BootMode;
import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import io.metalkube.ipmi.IpmiBackend;
import io.metalkube.ipmi.IpmiSettings;
import io.metalkube.ipmi.sim.IpmiSimulator;
import io.metalkube.ipmi.sim.SimulatorFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** IPMI-specific behaviour of the back-end against real ipmi_sim BMCs, checked in the simulators' own state files. */
class IpmiBackendAgainstSimulatorTest {

    static final SimulatorFleet FLEET = new SimulatorFleet("backend", 3);
    static final IpmiBackend BACKEND = new IpmiBackend(IpmiSettings.defaults());

    @AfterAll
    static void stop() {
        BACKEND.close();
        FLEET.close();
    }

    static void awaitPower(IpmiSimulator sim, boolean on) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sim.poweredOn() != on) {
            assertThat(System.nanoTime()).as("power of %s becomes %s", sim.bmcAddress(), on).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void inspectionReportsFruVendorProductSerialAndBmcFirmware() {
        BackendTarget t = FLEET.newTarget();
        assertThat(BACKEND.register(new Operation.Register(t, null, null, null, null))).isInstanceOf(Outcome.Registered.class);
        Outcome outcome = BACKEND.inspect(new Operation.Inspect(t));
        HardwareDetails hw = ((Outcome.Inspected) outcome).hardware();
        int n = FLEET.started().size();
        assertThat(hw.systemVendor()).isEqualTo(new HardwareDetails.SystemVendor("Acme Corp", "Metal Server " + n, "SN-" + n));
        assertThat(hw.firmware().bmcVersion()).isEqualTo("9.08");
    }

    @Test
    void provisioningSetsOneTimePxeAndPowersTheHostOn() throws InterruptedException {
        BackendTarget t = FLEET.newTarget();
        IpmiSimulator sim = FLEET.simulatorOf(t);
        sim.setPower(false);
        Outcome outcome = BACKEND.provision(new Operation.Provision(t, null, null, null, null, null, BootMode.UEFI, AutomatedCleaningMode.DISABLED));
        assertThat(outcome).isEqualTo(new Outcome.Done());
        assertThat(sim.bootDevice()).isEqualTo("pxe");
        awaitPower(sim, true);
    }

    @Test
    void provisioningARunningHostPowerCyclesIt() throws InterruptedException {
        BackendTarget t = FLEET.newTarget();
        IpmiSimulator sim = FLEET.simulatorOf(t);
        sim.setPower(true);
        assertThat(BACKEND.provision(new Operation.Provision(t, null, null, null, null, null, BootMode.LEGACY, AutomatedCleaningMode.DISABLED)))
                .isEqualTo(new Outcome.Done());
        assertThat(sim.bootDevice()).isEqualTo("pxe");
        awaitPower(sim, true); // ipmi_sim turns it back on one second after "set power 0"
        assertThat(sim.calls()).containsSubsequence("set power 0", "set power 1");
    }

    @Test
    void deprovisioningPowersOffAndClearsTheBootOverride() {
        BackendTarget t = FLEET.newTarget();
        IpmiSimulator sim = FLEET.simulatorOf(t);
        sim.setPower(true);
        BACKEND.provision(new Operation.Provision(t, null, null, null, null, null, BootMode.UEFI, AutomatedCleaningMode.DISABLED));
        assertThat(BACKEND.deprovision(new Operation.Deprovision(t, AutomatedCleaningMode.DISABLED))).isEqualTo(new Outcome.Done());
        assertThat(sim.poweredOn()).isFalse();
        assertThat(sim.bootDevice()).isEqualTo("none");
    }

    @Test
    void softPowerOffShutsTheSimulatedHostDown() {
        BackendTarget t = FLEET.newTarget();
        IpmiSimulator sim = FLEET.simulatorOf(t);
        sim.setPower(true);
        assertThat(BACKEND.powerOff(new Operation.PowerOff(t, PowerOffMode.SOFT))).isEqualTo(new Outcome.PowerState(false));
        assertThat(sim.calls()).contains("set shutdown 1");
    }

    @Test
    void twentyBmcsDrivenConcurrentlyEachEndUpWhereTheyWereSent() throws Exception {
        List<BackendTarget> targets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            targets.add(FLEET.newTarget());
        }
        int before = BACKEND.openSessions();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                BackendTarget t = targets.get(i);
                boolean on = i % 2 == 0;
                FLEET.simulatorOf(t).setPower(!on);
                results.add(pool.submit((Callable<Outcome>) () -> on ? BACKEND.powerOn(new Operation.PowerOn(t))
                        : BACKEND.powerOff(new Operation.PowerOff(t, PowerOffMode.HARD))));
            }
            for (int i = 0; i < targets.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(new Outcome.PowerState(i % 2 == 0));
                assertThat(FLEET.simulatorOf(targets.get(i)).poweredOn()).isEqualTo(i % 2 == 0);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(BACKEND.openSessions() - before).isEqualTo(20);
    }

    @Test
    void manyThreadsOnOneBmcShareOneSerializedSession() throws Exception {
        try (IpmiBackend backend = new IpmiBackend(IpmiSettings.defaults())) {
            BackendTarget t = FLEET.newTarget();
            FLEET.simulatorOf(t).setPower(true);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Outcome>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    results.add(pool.submit(() -> backend.readPower(new Operation.ReadPower(t))));
                }
                for (Future<Outcome> f : results) {
                    assertThat(f.get()).isEqualTo(new Outcome.PowerState(true));
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(backend.openSessions()).isEqualTo(1);
        }
    }

    @Test
    void suite0IsRefusedUnlessAllowed() {
        BackendTarget t = FLEET.newTarget();
        String hostPort = t.address().host() + ":" + t.address().port();
        try (IpmiBackend refusing = new IpmiBackend(IpmiSettings.defaults().withHostCipherSuite(hostPort, 0));
             IpmiBackend allowing = new IpmiBackend(IpmiSettings.defaults().withHostCipherSuite(hostPort, 0).withAllowInsecureCipherSuites(true))) {
            Outcome refused = refusing.readPower(new Operation.ReadPower(t));
            assertThat(refused).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) refused).message()).contains("cipher suite 0").contains("refused");
            assertThat(allowing.readPower(new Operation.ReadPower(t))).isInstanceOf(Outcome.PowerState.class);
        }
    }

    @Test
    void anUnsupportedSuiteIsAClearFailure() {
        BackendTarget t = FLEET.newTarget();
        try (IpmiBackend backend = new IpmiBackend(IpmiSettings.defaults().withDefaultCipherSuite(17))) {
            Outcome outcome = backend.readPower(new Operation.ReadPower(t));
            assertThat(((Outcome.Failed) outcome).message()).contains("does not support cipher suite 17").contains(t.address().host());
        }
    }

    @Test
    void aDeadBmcIsAFailureWithinFiveSeconds() throws Exception {
        try (DatagramSocket blackHole = new DatagramSocket(new InetSocketAddress("127.0.3.250", 0))) {
            BackendTarget live = FLEET.newTarget();
            BackendTarget dead = new BackendTarget(live.host(), "", BmcAddress.parse("ipmi://127.0.3.250:" + blackHole.getLocalPort()),
                    live.credentials(), "", false);
            long start = System.nanoTime();
            Outcome outcome = BACKEND.readPower(new Operation.ReadPower(dead));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(((Outcome.Failed) outcome).message()).contains("127.0.3.250").contains("no answer");
        }
    }

    @Test
    void aRedfishAddressIsRefusedClearly() {
        BackendTarget live = FLEET.newTarget();
        BackendTarget redfish = new BackendTarget(live.host(), "", BmcAddress.parse("redfish://10.0.0.1/redfish/v1/Systems/1"),
                live.credentials(), "", false);
        assertThat(((Outcome.Failed) BACKEND.readPower(new Operation.ReadPower(redfish))).message()).contains("ipmi://");
    }

    @Test
    void deletingAHostClosesItsSession() {
        try (IpmiBackend backend = new IpmiBackend(IpmiSettings.defaults())) {
            BackendTarget t = FLEET.newTarget();
            backend.register(new Operation.Register(t, null, null, null, null));
            assertThat(backend.openSessions()).isEqualTo(1);
            assertThat(backend.delete(new Operation.Delete(t))).isEqualTo(new Outcome.Done());
            assertThat(backend.openSessions()).isZero();
        }
    }

    @Test
    void aSessionTheBmcDroppedIsReopenedTransparently() throws Exception {
        try (IpmiBackend backend = new IpmiBackend(IpmiSettings.defaults().withTimeouts(Duration.ofMillis(300), 2))) {
            IpmiSimulator first = FLEET.start();
            BackendTarget t = FLEET.targetFor(first);
            first.setPower(true);
            assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(true));
            // a BMC reboot: the same address answers again, but the old session is gone
            first.close();
            IpmiSimulator restarted = IpmiSimulator.restartLike(first);
            try {
                restarted.setPower(false);
                assertThat(backend.readPower(new Operation.ReadPower(t))).isEqualTo(new Outcome.PowerState(false));
            } finally {
                restarted.close();
            }
        }
    }
}
