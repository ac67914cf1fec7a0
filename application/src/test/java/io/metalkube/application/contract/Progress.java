package io.metalkube.application.contract;

import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.lifecycle.BackendTarget;
import io.metalkube.domain.lifecycle.Operation;
import io.metalkube.domain.lifecycle.Outcome;

import java.time.Duration;
import java.util.function.Supplier;

/** What the contract suites share: asking an idempotent operation again while it runs, and a registration request. */
final class Progress {

    private Progress() {
    }

    /** Repeats {@code op} while it reports progress, waiting as it asks (at most 250 ms), for at most {@code timeout}. */
    static Outcome until(Supplier<Outcome> op, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Outcome last = op.get();
        while (last instanceof Outcome.InProgress p) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still in progress after " + timeout + ": " + p.detail());
            }
            PowerControlContract.sleep(Math.min(p.retryAfter().toMillis(), 250));
            last = op.get();
        }
        return last;
    }

    static Operation.Register register(BackendTarget t) {
        return new Operation.Register(t, new CredentialsVersion("bmc-secret", "1"), ProvisioningState.REGISTERING, null, null);
    }
}
