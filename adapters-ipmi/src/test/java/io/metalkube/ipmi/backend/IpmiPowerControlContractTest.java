package io.metalkube.ipmi.backend;

import io.metalkube.application.contract.PowerControlContract;
import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.ipmi.IpmiBackend;
import io.metalkube.ipmi.IpmiSettings;
import io.metalkube.ipmi.sim.SimulatorFleet;
import org.junit.jupiter.api.AfterAll;

/** The application's power contract on the IPMI back-end against real ipmi_sim BMCs (the fake runs it in application). */
class IpmiPowerControlContractTest extends PowerControlContract {

    static final SimulatorFleet FLEET = new SimulatorFleet("power-contract", 1);
    static final IpmiBackend BACKEND = new IpmiBackend(IpmiSettings.defaults());

    @AfterAll
    static void stop() {
        BACKEND.close();
        FLEET.close();
    }

    @Override
    protected PowerControl power() {
        return BACKEND;
    }

    @Override
    protected BackendTarget newTarget() {
        return FLEET.newTarget();
    }

    @Override
    protected boolean peerPoweredOn(BackendTarget target) {
        return FLEET.simulatorOf(target).poweredOn();
    }

    @Override
    protected void setPeerPower(BackendTarget target, boolean on) {
        FLEET.simulatorOf(target).setPower(on);
    }

    @Override
    protected BackendTarget withWrongPassword(BackendTarget target) {
        return SimulatorFleet.withWrongPassword(target);
    }
}
