package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.HardwareDetails;

import java.time.Duration;

/** What a back-end reports for an {@link Operation}. */
public sealed interface Outcome {

    /** The operation finished. */
    record Done() implements Outcome {
    }

    /** Registration finished; {@code provisionerId} is the back-end's id for the host (may be empty). */
    record Registered(String provisionerId) implements Outcome {
        public Registered {
            provisionerId = provisionerId == null ? "" : provisionerId;
        }
    }

    /** Inspection finished with these details. */
    record Inspected(HardwareDetails hardware) implements Outcome {
    }

    /** The power state the BMC reported (after a power action: the state observed afterwards). */
    record PowerState(boolean poweredOn) implements Outcome {
    }

    /** Still running; ask again after {@code retryAfter}. */
    record InProgress(Duration retryAfter, String detail) implements Outcome {
    }

    /** The operation failed on this host; the message is shown to users and must not contain secrets. */
    record Failed(String message) implements Outcome {
    }

    /** The back-end itself cannot be reached or is not ready; nothing is wrong with the host. */
    record Unavailable(String reason) implements Outcome {
    }
}
