package io.metalkube.bootstrap.metrics;

import io.metalkube.domain.lifecycle.Outcome;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the back-end answered lately, judged from real calls: after {@code threshold} Unavailable outcomes in a
 * row it counts as unreachable, until any call gets an answer again. Failed is an answer (the back-end is there,
 * one host has a problem), so it does not count.
 */
public final class BackendReachability {

    /** What /health reports when the back-end is unreachable. */
    public record Down(String reason, Instant since, int unavailableInARow) {
    }

    private final Clock clock;
    private final int threshold;
    private int unavailableInARow;
    private String lastReason = "";
    private Instant since;

    public BackendReachability(Clock clock, int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
        }
        this.clock = clock;
        this.threshold = threshold;
    }

    public synchronized void observed(Outcome outcome) {
        if (outcome instanceof Outcome.Unavailable u) {
            if (unavailableInARow == 0) {
                since = clock.instant();
            }
            unavailableInARow++;
            lastReason = u.reason();
        } else if (outcome != null) {
            unavailableInARow = 0;
            lastReason = "";
            since = null;
        }
    }

    /** {@code metalkube_backend_reachable{backend}}: 1 while the back-end answers, 0 while it counts as unreachable. */
    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry, String backend) {
        io.micrometer.core.instrument.Gauge.builder("metalkube.backend.reachable", this, r -> r.down().isPresent() ? 0 : 1)
                .description("1 while the back-end answers, 0 after " + threshold + " Unavailable outcomes in a row")
                .tag("backend", backend).strongReference(true).register(registry);
    }

    public synchronized Optional<Down> down() {
        return unavailableInARow >= threshold ? Optional.of(new Down(lastReason, since, unavailableInARow)) : Optional.empty();
    }
}
