package io.metalkube.redfish.backend;

import io.metalkube.application.contract.InspectionContract;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.BeforeAll;

/** The application's inspection contract, unchanged, on the Redfish back-end against the sushy-tools emulator. */
@Execution(ExecutionMode.CONCURRENT) // its tests use systems of their own and mostly wait for the emulator
class RedfishInspectionContractTest extends InspectionContract {

    static EmulatorTargets peers;

    @BeforeAll
    static void start() {
        peers = new EmulatorTargets("inspection-contract", 4);
    }

    @AfterAll
    static void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Override
    protected HostRegistration registration() {
        return peers.backend;
    }

    @Override
    protected HostInspection inspection() {
        return peers.backend;
    }

    @Override
    protected BackendTarget newTarget() {
        return peers.emulator.target(peers.emulator.nextSystem());
    }

    @Override
    protected BackendTarget withWrongPassword(BackendTarget target) {
        return SushyEmulator.withWrongPassword(target);
    }
}
