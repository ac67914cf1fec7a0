package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.ErrorType;
import io.metalkube.domain.host.Host;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.metalkube.domain.host.HostBuilder.*;
import static io.metalkube.domain.host.ProvisioningState.*;
import static io.metalkube.domain.lifecycle.LifecycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 6: fixing a Secret takes effect now. A changed Secret (new resourceVersion) is tried at once; a host
 * waiting on its credentials reads an unwatched (unlabelled) Secret again every 10 s instead of after the backoff,
 * so a fix is seen within seconds whether the Secret is labelled or not; a missing Secret too (metal3 requeues a
 * missing Secret after hostErrorRetryDelay, 10 s).
 */
class CredentialsRetryTest {

    private static final Duration POLL = TIMINGS.credentialsRetry();

    /** The BMC refused version 1 three times; the last failure was just now, so the backoff is minutes long. */
    private static Host refused() {
        return aHost().withBmc().inState(REGISTERING).status(s -> s.withTriedCredentials(CREDENTIALS_V1))
                .failed(ErrorType.REGISTRATION, 3, T0).build();
    }

    private static Observation found(CredentialsVersion version, boolean watched) {
        return new Observation(new CredentialsCheck.Found(ADMIN, version, watched), Capacity.AVAILABLE);
    }

    @Test
    void anUnwatchedSecretOfAHostInACredentialsErrorIsReadAgainWithinSecondsNotAfterTheBackoff() {
        Decision d = LIFECYCLE.plan(refused(), found(CREDENTIALS_V1, false), T0);

        assertThat(d.operation()).as("same version: not tried again before the backoff").isEmpty();
        assertThat(d.requeue()).contains(POLL);
        assertThat(LIFECYCLE.backoff().after(3, refused().id())).isGreaterThan(POLL.multipliedBy(10));
    }

    @Test
    void aWatchedSecretIsNotPolledTheWatchBringsItsChange() {
        Decision d = LIFECYCLE.plan(refused(), found(CREDENTIALS_V1, true), T0);

        assertThat(d.operation()).isEmpty();
        assertThat(d.requeue()).contains(LIFECYCLE.backoff().after(3, refused().id()));
    }

    @Test
    void aChangedSecretIsTriedAtOnceAndTheTriedVersionShowsIt() {
        Decision d = LIFECYCLE.plan(refused(), found(CREDENTIALS_V2, false), T0);

        assertThat(d.operation()).get().isInstanceOfSatisfying(Operation.Register.class,
                r -> assertThat(r.credentialsVersion()).isEqualTo(CREDENTIALS_V2));
        Decision tried = LIFECYCLE.conclude(refused(), d.operation().get(), new Outcome.Failed("still wrong"), T0);
        assertThat(tried.status().triedCredentials()).isEqualTo(CREDENTIALS_V2);
        Decision worked = LIFECYCLE.conclude(refused(), d.operation().get(), new Outcome.Registered(NODE_ID), T0);
        assertThat(worked.status().goodCredentials()).isEqualTo(CREDENTIALS_V2);
        assertThat(worked.status().hasError()).isFalse();
    }

    @Test
    void aMissingSecretIsLookedForAgainEveryTenSecondsAndTheMessageSaysSo() {
        Decision d = plan(aHost().withBmc().inState(REGISTERING).build(), missingSecret());

        assertThat(d.requeue()).contains(POLL);
        assertThat(d.status().errorMessage()).contains("not found", "checked again every 10 s");
    }

    @Test
    void anUnusableUnwatchedSecretIsReadAgainEveryTenSecondsAWatchedOneWhenItChanges() {
        Host host = aHost().withBmc().inState(REGISTERING).build();

        Decision unwatched = plan(host, new Observation(new CredentialsCheck.Invalid(SECRET, "no password", false), Capacity.AVAILABLE));
        Decision watched = plan(host, new Observation(new CredentialsCheck.Invalid(SECRET, "no password", true), Capacity.AVAILABLE));

        assertThat(unwatched.requeue()).contains(POLL);
        assertThat(watched.requeue()).isEmpty();
    }

    @Test
    void aHealthyHostIsNotPolledFasterThanItsSteadyPoll() {
        Host host = aHost().managed().inState(AVAILABLE).online().poweredOn(true).build();

        Decision polled = conclude(host, new Outcome.PowerState(true));

        assertThat(polled.requeue()).get().satisfies(r -> assertThat(r).isGreaterThanOrEqualTo(TIMINGS.steadyPoll()));
    }
}
