package io.metalkube.redfish.backend;

import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.peer.RedfishGateway;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reboot of a host with spec.disablePowerOff (issue 11 item 3) on the real emulator, every Reset the back-end
 * sends recorded by the gateway: a restart the BMC carries out itself, never a ForceOff or GracefulShutdown.
 */
class RedfishRebootTest {

    static SushyEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = SushyEmulator.start("reboot", 3);
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aSoftRebootIsAGracefulRestartAHardOneAForceRestartAndAHostFoundOffIsPoweredOn() {
        try (RedfishGateway gw = RedfishGateway.start(emulator.base());
             RedfishBackend backend = new RedfishBackend(RedfishSettings.defaults())) {
            String uuid = emulator.nextSystem();
            BackendTarget t = SessionsEtagsAndFaultsTest.via(gw, uuid, SushyEmulator.PASSWORD);

            emulator.setPower(uuid, false);
            assertThat(backend.reboot(new Operation.Reboot(t, PowerOffMode.SOFT))).isInstanceOfAny(Outcome.PowerState.class, Outcome.InProgress.class);
            untilOn(backend, t);
            assertThat(emulator.poweredOn(uuid)).as("a host found off is powered on").isTrue();
            assertThat(resetTypes(gw)).containsExactly("On");

            // A restart lands seconds later (the emulator shows the system off meanwhile, as a real one may): wait for it.
            assertThat(backend.reboot(new Operation.Reboot(t, PowerOffMode.SOFT))).isEqualTo(new Outcome.Done());
            untilOn(backend, t);
            assertThat(backend.reboot(new Operation.Reboot(t, PowerOffMode.HARD))).isEqualTo(new Outcome.Done());
            untilOn(backend, t);
            assertThat(resetTypes(gw)).containsExactly("On", "GracefulRestart", "ForceRestart");
            assertThat(emulator.poweredOn(uuid)).as("left on").isTrue();
        }
    }

    private static void untilOn(RedfishBackend backend, BackendTarget t) {
        Outcome last = RedfishBackendAgainstEmulatorTest.until(() -> backend.readPower(new Operation.ReadPower(t)) instanceof Outcome.PowerState ps
                && ps.poweredOn() ? new Outcome.Done() : new Outcome.InProgress(Duration.ofMillis(500), "waiting for power on"), Duration.ofSeconds(90));
        assertThat(last).as("the system is on again").isEqualTo(new Outcome.Done());
    }

    private static List<String> resetTypes(RedfishGateway gw) {
        return gw.recordedMatching(r -> r.method().equals("POST") && r.path().endsWith("ComputerSystem.Reset")).stream()
                .map(r -> r.body().replaceAll(".*\"ResetType\"\\s*:\\s*\"([^\"]+)\".*", "$1")).toList();
    }
}
