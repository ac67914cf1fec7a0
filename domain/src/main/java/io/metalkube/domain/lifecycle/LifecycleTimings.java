package io.metalkube.domain.lifecycle;

import java.time.Duration;

/**
 * The lifecycle's clocks, with metal3's defaults (performance-reliability.md §1.3).
 *
 * @param steadyPoll          power/health poll of available and provisioned hosts
 * @param unmanagedPoll       slow poll of unmanaged and detached hosts
 * @param notReadyRetry       retry when the back-end is unreachable
 * @param delayedRetry        retry while the provisioning limit is reached
 * @param softPowerOffTimeout how long a soft power-off may take before a hard one
 * @param maxDeleteFailures   failures per deletion phase before giving up on it (deletion always terminates)
 * @param backoffCapExponent  errorCount beyond which the failure backoff stops growing (2^9 min ≈ 8.5 h)
 * @param credentialsRetry    how often a host waiting on its credentials Secret (missing, unusable, or refused by the
 *                            BMC) reads it again when changes to it are not watched (metal3's hostErrorRetryDelay)
 */
public record LifecycleTimings(Duration steadyPoll, Duration unmanagedPoll, Duration notReadyRetry,
                               Duration delayedRetry, Duration softPowerOffTimeout, int maxDeleteFailures,
                               int backoffCapExponent, Duration credentialsRetry) {

    /** With metal3's 10 s credentials retry. */
    public LifecycleTimings(Duration steadyPoll, Duration unmanagedPoll, Duration notReadyRetry, Duration delayedRetry,
                            Duration softPowerOffTimeout, int maxDeleteFailures, int backoffCapExponent) {
        this(steadyPoll, unmanagedPoll, notReadyRetry, delayedRetry, softPowerOffTimeout, maxDeleteFailures, backoffCapExponent,
                Duration.ofSeconds(10));
    }

    public static LifecycleTimings metal3Defaults() {
        return new LifecycleTimings(Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(180), 3, 9, Duration.ofSeconds(10));
    }
}
