package io.metalkube.application.contract;

import io.metalkube.application.port.out.HostRegistration;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link HostRegistration} adapter passes, on the fixture back-end and on each real adapter with
 * a real peer behind it: registration proves credentials and is idempotent, a refused password is a clear failure
 * that names the BMC and never the password, good credentials work again after a refusal, and delete/detach are
 * idempotent and leave the host registrable.
 */
public abstract class RegistrationContract {

    protected abstract HostRegistration registration();

    /** A host the adapter can reach, with a fresh peer behind it. */
    protected abstract BackendTarget newTarget();

    /** The same host with a wrong password. */
    protected abstract BackendTarget withWrongPassword(BackendTarget target);

    protected Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @Test
    void registrationProvesTheCredentialsAndGivesAStableId() {
        BackendTarget t = newTarget();
        Outcome first = until(() -> registration().register(register(t)));
        assertThat(first).isInstanceOf(Outcome.Registered.class);
        Outcome again = until(() -> registration().register(register(t.withProvisionerId(((Outcome.Registered) first).provisionerId()))));
        assertThat(again).as("registering again is idempotent").isEqualTo(first);
    }

    @Test
    void aRefusedPasswordNamesTheBmcAndNeverThePassword() {
        BackendTarget t = newTarget();
        BackendTarget wrong = withWrongPassword(t);
        Outcome outcome = until(() -> registration().register(register(wrong)));
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        String message = ((Outcome.Failed) outcome).message();
        assertThat(message).doesNotContain(wrong.credentials().password()).doesNotContain(t.credentials().password());
        assertThat(message).as("names the BMC or the host").containsAnyOf(t.address().host(), t.host().name());
        assertThat(message.toLowerCase()).containsAnyOf("credential", "password", "authenticat", "refused");
    }

    @Test
    void goodCredentialsWorkAfterARefusal() {
        BackendTarget t = newTarget();
        assertThat(until(() -> registration().register(register(withWrongPassword(t))))).isInstanceOf(Outcome.Failed.class);
        assertThat(until(() -> registration().register(register(t)))).isInstanceOf(Outcome.Registered.class);
    }

    @Test
    void deleteAndDetachAreIdempotentAndTheHostCanRegisterAgain() {
        BackendTarget t = newTarget();
        Outcome registered = until(() -> registration().register(register(t)));
        BackendTarget withId = t.withProvisionerId(((Outcome.Registered) registered).provisionerId());
        assertThat(until(() -> registration().detach(new Operation.Detach(withId)))).isEqualTo(new Outcome.Done());
        assertThat(until(() -> registration().delete(new Operation.Delete(withId)))).isEqualTo(new Outcome.Done());
        assertThat(until(() -> registration().delete(new Operation.Delete(withId)))).as("deleting twice").isEqualTo(new Outcome.Done());
        assertThat(until(() -> registration().register(register(t)))).isInstanceOf(Outcome.Registered.class);
    }

    @Test
    void aHostWithoutUsableAddressOrCredentialsIsAFailureNotAnException() {
        BackendTarget t = newTarget();
        BackendTarget unusable = new BackendTarget(t.host(), "", null, null, "", false);
        assertThat(registration().register(register(unusable))).isInstanceOf(Outcome.Failed.class);
        assertThat(registration().delete(new Operation.Delete(unusable))).isEqualTo(new Outcome.Done());
    }

    protected static Operation.Register register(BackendTarget t) {
        return Progress.register(t);
    }

    /** Repeats an idempotent operation while it reports progress. */
    protected Outcome until(Supplier<Outcome> op) {
        return Progress.until(op, timeout());
    }
}
