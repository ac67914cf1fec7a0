package io.metalkube.ironic.real;

import io.metalkube.domain.lifecycle.Outcome;

import java.time.Duration;
import java.util.function.Supplier;

/** Repeats an idempotent back-end operation while it reports progress, as the reconcile loop would. */
final class Outcomes {

    private Outcomes() {
    }

    static Outcome until(Supplier<Outcome> op, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Outcome last = op.get();
        while (last instanceof Outcome.InProgress p) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still in progress after " + timeout + ": " + p.detail());
            }
            sleep(Math.min(p.retryAfter().toMillis(), 200));
            last = op.get();
        }
        return last;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
