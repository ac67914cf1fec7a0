package io.metalkube.kubernetes;

import java.time.Duration;
import java.util.Objects;

/**
 * Leader election with a coordination.k8s.io Lease: only the holder reconciles.
 *
 * @param identity      this instance's name in the Lease (the pod name in-cluster)
 * @param leaseDuration how long followers wait, after the last renewal they saw, before they take the Lease
 * @param renewDeadline how long the leader keeps trying to renew before it gives up leading; shorter than
 *                      leaseDuration, so a leader cut off from the API server stops before anyone else may start
 * @param retryPeriod   how often every instance tries to acquire or renew
 * @param onLoss        what the instance does once it no longer holds the Lease (it stops acting on hosts in any case)
 */
public record LeaseSettings(String leaseName, String leaseNamespace, String identity, Duration leaseDuration,
                            Duration renewDeadline, Duration retryPeriod, OnLeaseLoss onLoss) {

    /** client-go's and java-operator-sdk's defaults. */
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);

    /** What a replica does after it lost the Lease (see docs/decisions/0012-lease-loss.md). */
    public enum OnLeaseLoss {
        /** Stop acting at once, then exit the process (status 1), so Kubernetes restarts it as a follower. */
        EXIT,
        /** Stop acting at once, stop the operator and report not ready; the process keeps running (embedding, tests). */
        STOP
    }

    public LeaseSettings {
        Objects.requireNonNull(leaseName, "leaseName");
        Objects.requireNonNull(leaseNamespace, "leaseNamespace");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(onLoss, "onLoss");
        positive("leaseDuration", leaseDuration);
        positive("renewDeadline", renewDeadline);
        positive("retryPeriod", retryPeriod);
        // the operator checks the deadline every half retry period: it must have stopped before the Lease expires
        if (renewDeadline.plus(retryPeriod.dividedBy(2)).compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("the renew deadline (" + renewDeadline + ") plus half the retry period must be shorter than"
                    + " the lease duration (" + leaseDuration + "), or a leader cut off from the API server could still act after another took over");
        }
        // client-go's rule: renewals are jittered by up to 1.2 retry periods
        if (retryPeriod.multipliedBy(12).compareTo(renewDeadline.multipliedBy(10)) >= 0) {
            throw new IllegalArgumentException("the retry period (" + retryPeriod + ") must be shorter than the renew deadline ("
                    + renewDeadline + ") divided by 1.2, so the leader can try to renew at least once before it gives up");
        }
    }

    /** With the default timings (15 s, 10 s, 2 s) and {@link OnLeaseLoss#EXIT}. */
    public LeaseSettings(String leaseName, String leaseNamespace, String identity) {
        this(leaseName, leaseNamespace, identity, DEFAULT_LEASE_DURATION, DEFAULT_RENEW_DEADLINE, DEFAULT_RETRY_PERIOD, OnLeaseLoss.EXIT);
    }

    public LeaseSettings withTimings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        return new LeaseSettings(leaseName, leaseNamespace, identity, leaseDuration, renewDeadline, retryPeriod, onLoss);
    }

    public LeaseSettings withOnLoss(OnLeaseLoss v) {
        return new LeaseSettings(leaseName, leaseNamespace, identity, leaseDuration, renewDeadline, retryPeriod, v);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }
}
