package io.metalkube.ironic.real;

import io.metalkube.application.contract.InspectionContract;
import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.ironic.IronicBackend;
import io.metalkube.ironic.peers.RealIronic;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/**
 * The application's registration and inspection contract on the Ironic adapter, against a real Ironic verifying
 * real (simulated) BMCs: a wrong password ends as a registration failure once Ironic's ipmitool retries give up
 * ({@code [ipmi] command_retry_timeout = 6} in the harness).
 */
class RealIronicInspectionContractTest extends InspectionContract {

    private final RealIronic ironic = RealIronic.shared();
    private final IronicBackend backend = RealIronicBackends.withSimulatedBmcs(ironic);
    private final SimulatedHosts hosts = new SimulatedHosts(backend);

    @AfterEach
    void close() {
        hosts.close();
        backend.close();
    }

    @Override
    protected HostRegistration registration() {
        return backend.asBackend().registration();
    }

    @Override
    protected HostInspection inspection() {
        return backend.asBackend().inspection();
    }

    @Override
    protected BackendTarget newTarget() {
        return hosts.newTarget("inspect");
    }

    @Override
    protected BackendTarget withWrongPassword(BackendTarget target) {
        return SimulatedHosts.withWrongPassword(target);
    }

    /**
     * Every step, including the wrong-password failure, must conclude within Ironic's ipmitool retry timeout
     * ({@link RealIronic#IPMI_COMMAND_RETRY_TIMEOUT}) plus a margin for a loaded 2-core machine.
     */
    @Override
    protected Duration timeout() {
        return RealIronic.IPMI_COMMAND_RETRY_TIMEOUT.plusSeconds(24);
    }
}
