package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.domain.host.OperationalStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** metal3's recordActionFailure and calculateBackoff (metal3-anchors.md §1.8.2, "Error model"). */
class FailuresAndBackoffTest {

    private final Backoff backoff = LIFECYCLE.backoff();
    private final HostId id = new HostId("dc1", "worker-0");

    private static Host provisioning() {
        return aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE).build();
    }

    @Test
    void aFailureSetsErrorTypeCountsItAndBacksOff() {
        Decision d = conclude(provisioning(), new Outcome.Failed("image checksum mismatch"));

        assertThat(d.status().errorType()).isEqualTo(ErrorType.PROVISIONING);
        assertThat(d.status().errorMessage()).isEqualTo("image checksum mismatch");
        assertThat(d.status().errorCount()).isEqualTo(1);
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.ERROR);
        assertThat(d.events()).anyMatch(e -> e.severity() == HostEvent.Severity.WARNING && e.reason().equals("ProvisioningError"));
        assertThat(d.requeue()).contains(backoff.after(1, id));
    }

    @Test
    void repeatedFailuresCountUp() {
        Host host = aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE)
                .failed(ErrorType.PROVISIONING, 4, T0.minus(Duration.ofDays(1))).build();

        Decision d = conclude(host, new Outcome.Failed("again"));

        assertThat(d.status().errorCount()).isEqualTo(5);
        assertThat(d.requeue()).contains(backoff.after(5, id));
    }

    @Test
    void noOperationIsTriedUntilTheBackoffHasPassed() {
        Instant failedAt = T0;
        Host host = aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE)
                .failed(ErrorType.PROVISIONING, 3, failedAt).build();
        Duration wait = backoff.after(3, host.id());

        Decision tooEarly = LIFECYCLE.plan(host, goodCredentials(), failedAt.plus(wait).minusSeconds(1));
        Decision inTime = LIFECYCLE.plan(host, goodCredentials(), failedAt.plus(wait));

        assertThat(tooEarly.operation()).isEmpty();
        assertThat(tooEarly.requeue()).contains(Duration.ofSeconds(1));
        assertThat(inTime.operation()).get().isInstanceOf(Operation.Provision.class);
    }

    @Test
    void successResetsTheErrorAndItsCount() {
        Host host = aHost().managed().inState(PROVISIONING).online().withImage(IMAGE).provisionedWith(IMAGE)
                .failed(ErrorType.PROVISIONING, 3, T0.minus(Duration.ofDays(1))).build();

        Decision d = conclude(host, new Outcome.Done());

        assertThat(d.status().errorCount()).isZero();
        assertThat(d.status().errorType()).isNull();
        assertThat(d.status().errorMessage()).isEmpty();
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.OK);
    }

    @Test
    void aSuccessfulPowerCheckInASteadyStateClearsAnErrorLeftOverFromBefore() {
        Host host = aHost().managed().inState(EXTERNALLY_PROVISIONED).externallyProvisioned().online().poweredOn(true)
                .failed(ErrorType.DETACH, 1, T0.minus(Duration.ofDays(1))).build();

        Decision d = conclude(host, new Outcome.PowerState(true));

        assertThat(d.status().errorCount()).isZero();
        assertThat(d.status().errorType()).isNull();
        assertThat(d.status().operationalStatus()).isEqualTo(OperationalStatus.OK);
    }

    @Test
    void anUnavailableBackEndIsNotTheHostsFault() {
        Decision d = conclude(provisioning(), new Outcome.Unavailable("ironic not ready"));

        assertThat(d.status().errorCount()).isZero();
        assertThat(d.requeue()).contains(TIMINGS.notReadyRetry());
        assertThat(reasons(d)).contains("BackendUnavailable");
    }

    @Test
    void workInProgressIsPolledWithoutAnError() {
        Decision d = conclude(provisioning(), new Outcome.InProgress(Duration.ofSeconds(15), "deploying"));

        assertThat(d.status().errorCount()).isZero();
        assertThat(d.status().state()).isEqualTo(PROVISIONING);
        assertThat(d.requeue()).contains(Duration.ofSeconds(15));
    }

    @Test
    void backoffIsTwoToTheNMinutesLessUpToHalfAsJitter() {
        assertThat(backoff.after(0, id)).isZero();
        assertThat(backoff.after(1, id)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
        assertThat(backoff.after(3, id)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(8));
        assertThat(backoff.after(9, id)).isBetween(Duration.ofMinutes(256), Duration.ofMinutes(512));
    }

    @Test
    void backoffStopsGrowingAtTheCap() {
        assertThat(backoff.cap()).isEqualTo(Duration.ofMinutes(512));
        assertThat(backoff.after(10, id)).isEqualTo(backoff.after(9, id));
        assertThat(backoff.after(Integer.MAX_VALUE, id)).isEqualTo(backoff.after(9, id));
    }

    @Test
    void hostsThatFailTogetherRetryApart() {
        Duration a = backoff.after(5, new HostId("dc1", "worker-0"));
        Duration b = backoff.after(5, new HostId("dc1", "worker-1"));
        Duration c = backoff.after(5, new HostId("dc1", "worker-2"));

        assertThat(java.util.Set.of(a, b, c)).hasSizeGreaterThan(1);
    }
}
