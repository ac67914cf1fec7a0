package io.metalkube.ipmi.backend;

import io.metalkube.application.contract.InspectionContract;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.ipmi.IpmiBackend;
import io.metalkube.ipmi.IpmiSettings;
import io.metalkube.ipmi.sim.SimulatorFleet;
import org.junit.jupiter.api.AfterAll;

/** The application's registration + inspection contract on the IPMI back-end against real ipmi_sim BMCs. */
class IpmiInspectionContractTest extends InspectionContract {

    static final SimulatorFleet FLEET = new SimulatorFleet("inspection-contract", 2);
    static final IpmiBackend BACKEND = new IpmiBackend(IpmiSettings.defaults());

    @AfterAll
    static void stop() {
        BACKEND.close();
        FLEET.close();
    }

    @Override
    protected HostRegistration registration() {
        return BACKEND;
    }

    @Override
    protected HostInspection inspection() {
        return BACKEND;
    }

    @Override
    protected BackendTarget newTarget() {
        return FLEET.newTarget();
    }

    @Override
    protected BackendTarget withWrongPassword(BackendTarget target) {
        return SimulatorFleet.withWrongPassword(target);
    }
}
