package io.metalkube.ironic.ops;

import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.domain.lifecycle.PowerOffMode;
import io.metalkube.ironic.stub.StubIronic.Recorded;
import io.metalkube.ironic.stub.StubIronic.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.metalkube.ironic.ops.StubWorld.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Power against a scripted Ironic: the steady-state read is one GET; changes are asked for and then observed. */
class PowerOpsTest {

    private final StubWorld world = new StubWorld();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void theSteadyStateReadIsOneGetOfTheNode() {
        world.serve(node("active"));
        for (int i = 0; i < 5; i++) {
            assertThat(world.backend().power().readPower(new Operation.ReadPower(target()))).isEqualTo(new Outcome.PowerState(true));
        }
        assertThat(world.stub.apiRequests()).hasSize(5).extracting(r -> r.method() + " " + r.path()).containsOnly("GET /v1/nodes/" + UUID);
    }

    @Test
    void powerOffIsReportedAsOff() {
        world.serve(with(node("available"), "power_state", "power off"));
        assertThat(world.backend().power().readPower(new Operation.ReadPower(target()))).isEqualTo(new Outcome.PowerState(false));
    }

    @Test
    void anUnknownPowerStateIsProgressNotAGuess() {
        world.serve(with(node("available"), "power_state", null));
        assertThat(world.backend().power().readPower(new Operation.ReadPower(target()))).isInstanceOf(Outcome.InProgress.class);
    }

    @Test
    void credentialsOtherThanTheNodesAreRefusedWithoutShowingThem() {
        world.serve(node("active"));
        BackendTarget wrong = new BackendTarget(HOST, UUID, target().address(), BmcCredentials.of("admin", "not-the-password"), "", false);
        Outcome outcome = world.backend().power().powerOn(new Operation.PowerOn(wrong));
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).message()).contains("credentials").contains("registered again").doesNotContain("not-the-password");
        assertThat(world.stub.apiRequests()).extracting(Recorded::method).containsOnly("GET");
    }

    @Test
    void powerOnAsksIronicAndReportsAcceptedUntilObserved() {
        world.serve(with(node("active"), "power_state", "power off"));
        world.accept("PUT /v1/nodes/" + UUID + "/states/power", 202);
        assertThat(world.backend().power().powerOn(new Operation.PowerOn(target()))).isEqualTo(new Outcome.Done());
        assertThat(json(world.stub.apiRequests().getLast().body())).containsEntry("target", "power on");

        world.serve(with(with(node("active"), "power_state", "power off"), "target_power_state", "power on"));
        assertThat(world.backend().power().powerOn(new Operation.PowerOn(target()))).isInstanceOf(Outcome.InProgress.class);

        world.serve(node("active"));
        assertThat(world.backend().power().powerOn(new Operation.PowerOn(target()))).isEqualTo(new Outcome.PowerState(true));
    }

    @Test
    void softPowerOffCarriesATimeoutAndHardDoesNot() {
        world.serve(node("active"));
        world.accept("PUT /v1/nodes/" + UUID + "/states/power", 202);
        world.backend().power().powerOff(new Operation.PowerOff(target(), PowerOffMode.SOFT));
        assertThat(json(world.stub.apiRequests().getLast().body())).containsEntry("target", "soft power off").containsEntry("timeout", 180);
        world.backend().power().powerOff(new Operation.PowerOff(target(), PowerOffMode.HARD));
        assertThat(json(world.stub.apiRequests().getLast().body())).containsEntry("target", "power off").doesNotContainKey("timeout");
    }

    @Test
    void aSoftPowerOffIronicCannotDoFailsSoTheLifecycleGoesHard() {
        world.serve(node("active"));
        world.stub.route("PUT /v1/nodes/" + UUID + "/states/power", r -> Reply.error(400, "The requested power state soft power off is not supported"));
        Outcome outcome = world.backend().power().powerOff(new Operation.PowerOff(target(), PowerOffMode.SOFT));
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).message()).contains("soft power off").contains("not supported");
    }

    @Test
    void aRebootAsksIronicToRebootAndAHostFoundOffIsPoweredOnInstead() {
        world.serve(node("active"));
        world.accept("PUT /v1/nodes/" + UUID + "/states/power", 202);
        assertThat(world.backend().power().reboot(new Operation.Reboot(target(), PowerOffMode.HARD))).isEqualTo(new Outcome.Done());
        assertThat(json(world.stub.apiRequests().getLast().body())).containsEntry("target", "rebooting").doesNotContainKey("timeout");
        world.backend().power().reboot(new Operation.Reboot(target(), PowerOffMode.SOFT));
        assertThat(json(world.stub.apiRequests().getLast().body())).containsEntry("target", "soft rebooting").containsEntry("timeout", 180);

        world.serve(with(node("active"), "power_state", "power off"));
        world.backend().power().reboot(new Operation.Reboot(target(), PowerOffMode.SOFT));
        assertThat(json(world.stub.apiRequests().getLast().body())).containsEntry("target", "power on");
        assertThat(world.stub.apiRequests()).extracting(r -> String.valueOf(json(r.body().isEmpty() ? "{}" : r.body()).get("target")))
                .as("never a power off").doesNotContain("power off", "soft power off");
    }

    @Test
    void aSoftRebootIronicCannotDoFailsSoTheLifecycleGoesHard() {
        world.serve(node("active"));
        world.stub.route("PUT /v1/nodes/" + UUID + "/states/power", r -> Reply.error(400, "The requested power state soft rebooting is not supported"));
        Outcome outcome = world.backend().power().reboot(new Operation.Reboot(target(), PowerOffMode.SOFT));
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.message()).contains("soft reboot").contains("not supported"));
    }

    @Test
    void aPowerChangeIronicFailedIsReportedOnce() {
        world.serve(with(node("active"), "power_state", "power off"));
        world.accept("PUT /v1/nodes/" + UUID + "/states/power", 202);
        assertThat(world.backend().power().powerOn(new Operation.PowerOn(target()))).isEqualTo(new Outcome.Done());
        world.serve(with(with(node("active"), "power_state", "power off"), "last_error", "Failed to set node power state to power on: IPMI call failed"));
        Outcome outcome = world.backend().power().powerOn(new Operation.PowerOn(target()));
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).message()).contains("IPMI call failed");
    }

    @Test
    void aLockedNodeIsProgressAndAnIronicOutageIsUnavailable() {
        world.stub.route("GET /v1/nodes/" + UUID, r -> Reply.error(409, "Node is locked by host ironic-test"));
        assertThat(world.backend().power().readPower(new Operation.ReadPower(target()))).isInstanceOf(Outcome.InProgress.class);
        world.stub.route("GET /v1/nodes/" + UUID, r -> Reply.error(503, "Service Unavailable"));
        Outcome outcome = world.backend().power().readPower(new Operation.ReadPower(target()));
        assertThat(outcome).isInstanceOf(Outcome.Unavailable.class);
        assertThat(((Outcome.Unavailable) outcome).reason()).contains("503");
    }

    @Test
    void aHostWithoutANodeCannotBePowered() {
        Outcome outcome = world.backend().power().readPower(new Operation.ReadPower(target()));
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).message()).contains("ns/host-1").contains("registered");
    }
}
