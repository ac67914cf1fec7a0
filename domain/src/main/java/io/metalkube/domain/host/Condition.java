package io.metalkube.domain.host;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of status.conditions, as Kubernetes conventions and metal3 have it: a type, True/False/Unknown, a
 * CamelCase reason, a message for people, and when the status last changed.
 */
public record Condition(String type, ConditionStatus status, String reason, String message, Instant lastTransitionTime) {

    public Condition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
    }

    /** The same condition, with its transition time taken from {@code previous} when the status did not change. */
    Condition since(Condition previous, Instant now) {
        boolean unchanged = previous != null && previous.status == status && previous.lastTransitionTime != null;
        return new Condition(type, status, reason, message, unchanged ? previous.lastTransitionTime : now);
    }
}
