package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.HostStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one lifecycle step decided.
 *
 * @param status      the status to record (write it only if it differs from the stored one)
 * @param transitions the provisioning state changes this step made (at most one), which the events of the status
 *                    write that records them report ({@link StateChangeEvents})
 * @param operation back-end work to perform now; its outcome goes to {@link Lifecycle#conclude}
 * @param requeue   when to look at the host again; empty means "only when something changes"
 */
public record Decision(HostStatus status, List<Transition> transitions, List<HostEvent> events, List<Effect> effects,
                       Optional<Operation> operation, Optional<Duration> requeue) {

    public Decision {
        transitions = List.copyOf(transitions);
        events = List.copyOf(events);
        effects = List.copyOf(effects);
    }

    /** Whether the lifecycle wants to look at the host again at once (a step that needs no waiting). */
    public boolean continuesNow() {
        return requeue.filter(Duration::isZero).isPresent();
    }

    public boolean performs() {
        return operation.isPresent();
    }
}
