package io.metalkube.ironic.real;

import io.metalkube.application.contract.PowerControlContract;
import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.peers.RealIronic;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's power contract on the Ironic adapter, against a real Ironic whose fake-hardware nodes drive
 * ipmi_sim BMCs with ipmitool: the simulator's power really follows. Out-of-band changes are made on the
 * simulator and become visible once Ironic's power sync (every second here) has read them.
 */
class RealIronicPowerContractTest extends PowerControlContract {

    private final RealIronic ironic = RealIronic.shared();
    private final IronicBackend backend = RealIronicBackends.withSimulatedBmcs(ironic);
    private final SimulatedHosts hosts = new SimulatedHosts(backend);
    private final IronicProbe probe = new IronicProbe(ironic.endpoint());

    @AfterEach
    void close() {
        hosts.close();
        backend.close();
        probe.close();
    }

    @Override
    protected PowerControl power() {
        return backend.asBackend().power();
    }

    @Override
    protected BackendTarget newTarget() {
        BackendTarget t = hosts.newTarget("power");
        Outcome registered = Outcomes.until(() -> backend.asBackend().registration().register(new Operation.Register(t,
                new CredentialsVersion("bmc", "1"), ProvisioningState.REGISTERING, null, null)), Duration.ofSeconds(30));
        assertThat(registered).as("registration before the power contract").isInstanceOf(Outcome.Registered.class);
        return t.withProvisionerId(((Outcome.Registered) registered).provisionerId());
    }

    @Override
    protected boolean peerPoweredOn(BackendTarget target) {
        return hosts.bmc(target).poweredOn();
    }

    /**
     * Flips the simulator's power and waits for Ironic's power sync to record it. Only dependable before Ironic has
     * driven this simulator itself: after a reboot through Ironic, an out-of-band power-off was still not seen after
     * 45 s (sync every second; the simulator answered every "get power"), so the contract makes its out-of-band
     * changes first.
     */
    @Override
    protected void setPeerPower(BackendTarget target, boolean on) {
        hosts.bmc(target).setPower(on);
        String want = on ? "power on" : "power off";
        // generous: the sync runs every second, but each of its ipmitool calls takes seconds on a loaded machine
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!want.equals(probe.power(target.provisionerId()))) {
            if (System.nanoTime() > deadline) {
                Map<String, Object> node = probe.node(target.provisionerId());
                throw new AssertionError("Ironic's power sync did not notice the BMC turning " + (on ? "on" : "off") + " within 45 s; node: power "
                        + node.get("power_state") + ", target " + node.get("target_power_state") + ", maintenance " + node.get("maintenance")
                        + " (" + node.get("maintenance_reason") + "), reservation " + node.get("reservation") + ", last error " + node.get("last_error")
                        + "; BMC calls: " + hosts.bmc(target).calls().strip().replace('\n', '|'));
            }
            Outcomes.sleep(200);
        }
    }

    @Override
    protected BackendTarget withWrongPassword(BackendTarget target) {
        return SimulatedHosts.withWrongPassword(target);
    }

    @Override
    protected Duration settleTimeout() {
        return Duration.ofSeconds(30);
    }
}
