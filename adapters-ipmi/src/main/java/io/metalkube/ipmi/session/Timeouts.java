package io.metalkube.ipmi.session;

import java.time.Duration;

/**
 * How long to wait for each answer and how often to send a request before the BMC counts as unreachable.
 * attemptTimeout × attempts bounds every exchange, so a dead BMC is reported within that time.
 */
public record Timeouts(Duration attemptTimeout, int attempts) {

    public Timeouts {
        if (attemptTimeout.isNegative() || attemptTimeout.isZero() || attempts < 1) {
            throw new IllegalArgumentException("need a positive attempt timeout and at least one attempt");
        }
    }

    public Duration total() {
        return attemptTimeout.multipliedBy(attempts);
    }
}
