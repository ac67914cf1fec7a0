package io.metalkube.redfish;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the direct Redfish back-end. Defaults bound every wait: a TCP connection within 2 s (a dead BMC —
 * refused, or no connection — is reported within that) and an answer within 15 s (real BMCs take seconds for some
 * reads; a hung one is reported then, and delays only its own callers); actions that make the BMC fetch an image
 * (InsertMedia) may take {@code actionTimeout}; 202 task monitors are followed for {@code taskTimeout}; 5xx answers
 * and dropped connections are retried {@code retries} times with doubling back-off from {@code retryBackoff}
 * (a {@code Retry-After} is honoured up to {@code maxRetryAfter}).
 *
 * @param caBundle         PEM file of the CAs that sign BMC certificates; null = the JDK's default trust store
 * @param powerChangeGrace how long an accepted reset is waited for before it is sent again (power changes lag)
 * @param authFailureHold  how long refused credentials are answered from memory (BMCs lock accounts out)
 */
public record RedfishSettings(Duration connectTimeout, Duration readTimeout, Duration actionTimeout, Duration taskTimeout,
                              int retries, Duration retryBackoff, Duration maxRetryAfter, Path caBundle,
                              Duration powerChangeGrace, Duration authFailureHold) {

    public RedfishSettings {
        positive(connectTimeout, "connect timeout");
        positive(readTimeout, "read timeout");
        positive(actionTimeout, "action timeout");
        positive(taskTimeout, "task timeout");
        positive(retryBackoff, "retry back-off");
        positive(maxRetryAfter, "max Retry-After");
        positive(powerChangeGrace, "power change grace");
        if (retries < 0 || authFailureHold == null || authFailureHold.isNegative()) {
            throw new IllegalArgumentException("Redfish retries and auth-failure hold must not be negative");
        }
    }

    public static RedfishSettings defaults() {
        return new RedfishSettings(Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(60),
                3, Duration.ofMillis(500), Duration.ofSeconds(10), null, Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public RedfishSettings withTimeouts(Duration connect, Duration read) {
        return new RedfishSettings(connect, read, actionTimeout, taskTimeout, retries, retryBackoff, maxRetryAfter, caBundle,
                powerChangeGrace, authFailureHold);
    }

    public RedfishSettings withActionTimeout(Duration action) {
        return new RedfishSettings(connectTimeout, readTimeout, action, taskTimeout, retries, retryBackoff, maxRetryAfter, caBundle,
                powerChangeGrace, authFailureHold);
    }

    public RedfishSettings withTaskTimeout(Duration task) {
        return new RedfishSettings(connectTimeout, readTimeout, actionTimeout, task, retries, retryBackoff, maxRetryAfter, caBundle,
                powerChangeGrace, authFailureHold);
    }

    public RedfishSettings withRetries(int count, Duration backoff) {
        return new RedfishSettings(connectTimeout, readTimeout, actionTimeout, taskTimeout, count, backoff, maxRetryAfter, caBundle,
                powerChangeGrace, authFailureHold);
    }

    /** Trust exactly the CAs in this PEM bundle for https BMCs (hosts with disableCertificateVerification skip it). */
    public RedfishSettings withCaBundle(Path bundle) {
        return new RedfishSettings(connectTimeout, readTimeout, actionTimeout, taskTimeout, retries, retryBackoff, maxRetryAfter, bundle,
                powerChangeGrace, authFailureHold);
    }

    public RedfishSettings withPowerChangeGrace(Duration grace) {
        return new RedfishSettings(connectTimeout, readTimeout, actionTimeout, taskTimeout, retries, retryBackoff, maxRetryAfter, caBundle,
                grace, authFailureHold);
    }

    public RedfishSettings withAuthFailureHold(Duration hold) {
        return new RedfishSettings(connectTimeout, readTimeout, actionTimeout, taskTimeout, retries, retryBackoff, maxRetryAfter, caBundle,
                powerChangeGrace, hold);
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("Redfish " + what + " must be positive");
        }
    }
}
