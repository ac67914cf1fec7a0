package io.metalkube.redfish.backend;

import io.metalkube.application.contract.PowerControlContract;
import io.metalkube.application.port.out.PowerControl;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;

/** The application's power contract, unchanged, on the Redfish back-end against the sushy-tools emulator (power lags 1–11 s). */
@Execution(ExecutionMode.CONCURRENT) // its tests use systems of their own and mostly wait for the emulator
class RedfishPowerControlContractTest extends PowerControlContract {

    static EmulatorTargets peers;

    @BeforeAll
    static void start() {
        peers = new EmulatorTargets("power-contract", 8);
    }

    @AfterAll
    static void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Override
    protected PowerControl power() {
        return peers.backend;
    }

    @Override
    protected BackendTarget newTarget() {
        return peers.emulator.target(peers.emulator.nextSystem());
    }

    @Override
    protected boolean peerPoweredOn(BackendTarget target) {
        return peers.emulator.poweredOn(SushyEmulator.uuidOf(target));
    }

    @Override
    protected void setPeerPower(BackendTarget target, boolean on) {
        peers.emulator.setPower(SushyEmulator.uuidOf(target), on);
    }

    @Override
    protected BackendTarget withWrongPassword(BackendTarget target) {
        return SushyEmulator.withWrongPassword(target);
    }

    @Override
    protected Duration settleTimeout() {
        return Duration.ofSeconds(60);
    }
}
