package io.metalkube.ipmi.backend;

import io.metalkube.application.contract.PowerControlContract;
import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.ipmi.IpmiBackend;
import io.metalkube.ipmi.IpmiSettings;
import io.metalkube.ipmi.fake.FakeBmcFleet;
import io.metalkube.ipmi.sim.SimulatorFleet;
import org.junit.jupiter.api.AfterAll;

/** The power contract on the IPMI back-end against the in-memory fake BMC, over cipher suite 17 (which ipmi_sim lacks). */
class FakeBmcPowerControlContractTest extends PowerControlContract {

    static final FakeBmcFleet FLEET = new FakeBmcFleet();
    static final IpmiBackend BACKEND = new IpmiBackend(IpmiSettings.defaults().withDefaultCipherSuite(17));

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
        return FLEET.bmcOf(target).poweredOn();
    }

    @Override
    protected void setPeerPower(BackendTarget target, boolean on) {
        FLEET.bmcOf(target).setPower(on);
    }

    @Override
    protected BackendTarget withWrongPassword(BackendTarget target) {
        return SimulatorFleet.withWrongPassword(target);
    }
}
