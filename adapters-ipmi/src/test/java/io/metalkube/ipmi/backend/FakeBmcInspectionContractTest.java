package io.metalkube.ipmi.backend;

import io.metalkube.application.contract.InspectionContract;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import io.metalkube.ipmi.IpmiBackend;
import io.metalkube.ipmi.IpmiSettings;
import io.metalkube.ipmi.fake.FakeBmcFleet;
import io.metalkube.ipmi.sim.SimulatorFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The registration + inspection contract against the fake BMC over suite 17; the fake has no FRU, so Device ID data only. */
class FakeBmcInspectionContractTest extends InspectionContract {

    static final FakeBmcFleet FLEET = new FakeBmcFleet();
    static final IpmiBackend BACKEND = new IpmiBackend(IpmiSettings.defaults().withDefaultCipherSuite(17));

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

    @Test
    void aBmcWithoutFruStillReportsVendorIdAndFirmware() {
        BackendTarget t = newTarget();
        Outcome.Inspected inspected = (Outcome.Inspected) BACKEND.inspect(new Operation.Inspect(t));
        assertThat(inspected.hardware().systemVendor().manufacturer()).isEqualTo("IANA enterprise 674");
        assertThat(inspected.hardware().systemVendor().productName()).isEqualTo("product 1234");
        assertThat(inspected.hardware().firmware().bmcVersion()).isEqualTo("2.15");
    }
}
