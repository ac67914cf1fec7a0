package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.HostStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one lifecycle step decided.
 *
 * @param status    the status to record (write it only if it differs from the stored one)
 * @param operation back-end work to perform now; its outcome goes to {@link Lifecycle#conclude}
 * @param requeue   when to look at the host again; empty means "only when something changes"
 */
public record Decision(HostStatus status, List<HostEvent> events, List<Effect> effects,
                       Optional<Operation> operation, Optional<Duration> requeue) {

    public Decision {
        events = List.copyOf(events);
        effects = List.copyOf(effects);
    }

    public boolean performs() {
        return operation.isPresent();
    }
}
