package io.metalkube.redfish.backend;

import io.metalkube.application.contract.RegistrationContract;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.redfish.RedfishBackend;
import io.metalkube.redfish.RedfishSettings;
import io.metalkube.redfish.peer.SushyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;

/**
 * The application's registration contract, unchanged, on the Redfish back-end against the sushy-tools emulator.
 * The refused-password memory is shortened so "good credentials after a refusal" does not wait 30 s (the good
 * password is a different fingerprint anyway).
 */
@Execution(ExecutionMode.CONCURRENT) // its tests use systems of their own and mostly wait for the emulator
class RedfishRegistrationContractTest extends RegistrationContract {

    static SushyEmulator emulator;
    static RedfishBackend backend;

    @BeforeAll
    static void start() {
        emulator = SushyEmulator.start("registration-contract", 6);
        backend = new RedfishBackend(RedfishSettings.defaults().withAuthFailureHold(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    protected HostRegistration registration() {
        return backend;
    }

    @Override
    protected BackendTarget newTarget() {
        return emulator.target(emulator.nextSystem());
    }

    @Override
    protected BackendTarget withWrongPassword(BackendTarget target) {
        return SushyEmulator.withWrongPassword(target);
    }
}
