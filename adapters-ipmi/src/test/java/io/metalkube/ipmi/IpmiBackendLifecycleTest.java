package io.metalkube.ipmi;

import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ipmi.fake.FakeBmc;
import io.metalkube.ipmi.fake.FakeBmcFleet;
import io.metalkube.ipmi.sim.SimulatorFleet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Session lifetime in the back-end: keepalive of idle sessions, remembered refusals, Close Session on shutdown. */
class IpmiBackendLifecycleTest {

    final FakeBmcFleet fleet = new FakeBmcFleet();

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void anIdleSessionGetsKeepalives() throws InterruptedException {
        try (IpmiBackend backend = new IpmiBackend(IpmiSettings.defaults().withKeepaliveInterval(Duration.ofMillis(200)))) {
            BackendTarget t = fleet.newTarget();
            FakeBmc bmc = fleet.bmcOf(t);
            assertThat(backend.register(new Operation.Register(t, null, null, null, null))).isInstanceOf(Outcome.Registered.class);
            int afterRegistration = bmc.inSessionSequences().size();
            Thread.sleep(1000);
            assertThat(bmc.inSessionSequences().size() - afterRegistration).as("keepalive requests while idle").isGreaterThanOrEqualTo(2);
            assertThat(bmc.activeSessions()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedPasswordIsRememberedInsteadOfRetried() {
        try (IpmiBackend backend = new IpmiBackend(IpmiSettings.defaults())) {
            BackendTarget wrong = SimulatorFleet.withWrongPassword(fleet.newTarget());
            Outcome first = backend.readPower(new Operation.ReadPower(wrong));
            Outcome second = backend.readPower(new Operation.ReadPower(wrong));
            assertThat(((Outcome.Failed) first).message()).contains("password").doesNotContain("remembered");
            assertThat(((Outcome.Failed) second).message()).contains("password").contains("remembered").doesNotContain("wrong-pass-42");
            BackendTarget right = new BackendTarget(wrong.host(), "", wrong.address(),
                    io.metalkube.domain.bmc.BmcCredentials.of(FakeBmcFleet.USER, FakeBmcFleet.PASSWORD), "", false);
            assertThat(backend.readPower(new Operation.ReadPower(right))).as("fixed credentials are tried at once")
                    .isInstanceOf(Outcome.PowerState.class);
        }
    }

    @Test
    void closingTheBackendClosesEverySessionOnTheBmcs() {
        IpmiBackend backend = new IpmiBackend(IpmiSettings.defaults());
        BackendTarget a = fleet.newTarget();
        BackendTarget b = fleet.newTarget();
        backend.readPower(new Operation.ReadPower(a));
        backend.readPower(new Operation.ReadPower(b));
        assertThat(fleet.bmcOf(a).activeSessions() + fleet.bmcOf(b).activeSessions()).isEqualTo(2);
        backend.close();
        assertThat(fleet.bmcOf(a).activeSessions() + fleet.bmcOf(b).activeSessions()).isZero();
        assertThat(backend.readPower(new Operation.ReadPower(a))).isInstanceOf(Outcome.Unavailable.class);
    }

    @Test
    void changedCredentialsReplaceTheSessionRatherThanAddOne() {
        try (IpmiBackend backend = new IpmiBackend(IpmiSettings.defaults())) {
            BackendTarget t = fleet.newTarget();
            FakeBmc bmc = fleet.bmcOf(t);
            backend.readPower(new Operation.ReadPower(t));
            backend.readPower(new Operation.ReadPower(SimulatorFleet.withWrongPassword(t)));
            backend.readPower(new Operation.ReadPower(t));
            assertThat(bmc.activeSessions()).isEqualTo(1);
            assertThat(backend.openSessions()).isEqualTo(1);
        }
    }
}
