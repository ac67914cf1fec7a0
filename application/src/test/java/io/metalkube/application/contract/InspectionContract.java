package io.metalkube.application.contract;

import io.metalkube.application.port.out.HostInspection;
import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.host.HardwareDetails;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every registration + inspection adapter passes: registration proves credentials, inspection yields
 * hardware details, a wrong password is a clear registration failure.
 */
public abstract class InspectionContract {

    protected abstract HostRegistration registration();

    protected abstract HostInspection inspection();

    /** A host the adapter can reach, with a fresh peer behind it. */
    protected abstract BackendTarget newTarget();

    /** The same host with a wrong password. */
    protected abstract BackendTarget withWrongPassword(BackendTarget target);

    protected Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @Test
    void registrationProvesTheCredentials() {
        BackendTarget t = newTarget();
        Outcome outcome = until(() -> registration().register(register(t)));
        assertThat(outcome).isInstanceOf(Outcome.Registered.class);
    }

    @Test
    void inspectionAfterRegistrationYieldsHardwareDetails() {
        BackendTarget t = newTarget();
        Outcome registered = until(() -> registration().register(register(t)));
        BackendTarget withId = t.withProvisionerId(((Outcome.Registered) registered).provisionerId());
        Outcome outcome = until(() -> inspection().inspect(new Operation.Inspect(withId)));
        assertThat(outcome).isInstanceOf(Outcome.Inspected.class);
        HardwareDetails hw = ((Outcome.Inspected) outcome).hardware();
        assertThat(hw).isNotNull();
        assertThat(hw.systemVendor() != null || hw.firmware() != null || hw.cpu() != null)
                .as("inspection reports at least vendor, firmware or CPU").isTrue();
    }

    @Test
    void aWrongPasswordIsARegistrationFailureWithoutThePassword() {
        BackendTarget t = withWrongPassword(newTarget());
        Outcome outcome = until(() -> registration().register(register(t)));
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) outcome).message()).isNotBlank().doesNotContain(t.credentials().password());
    }

    protected static Operation.Register register(BackendTarget t) {
        return Progress.register(t);
    }

    /** Repeats an idempotent operation while it reports progress. */
    protected Outcome until(Supplier<Outcome> op) {
        return Progress.until(op, timeout());
    }
}
