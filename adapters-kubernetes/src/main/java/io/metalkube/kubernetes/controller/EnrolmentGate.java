package io.metalkube.kubernetes.controller;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * At most a few reconciles of enrolling hosts (new, or still to register) run at once; the
 * others try again in a few seconds. Under the client-side rate limit an enrolling host's request waits behind every
 * other ({@code ApiRateLimiter.Priority.LOW}), and a waiting request holds its reconcile thread: without this gate,
 * thousands of hosts created at once filled every reconcile thread with waiting enrolment writes, and the twenty
 * hosts in their provisioning slots could not move on.
 */
final class EnrolmentGate {

    private final Semaphore running;

    EnrolmentGate(int concurrent) {
        this.running = new Semaphore(concurrent);
    }

    boolean tryEnter() {
        return running.tryAcquire();
    }

    void exit() {
        running.release();
    }

    /** When a host turned away tries again: 1 to 2 s, spread so the retries do not come in waves. */
    Duration retryAfter() {
        return Duration.ofMillis(1_000 + ThreadLocalRandom.current().nextLong(1_000));
    }
}
