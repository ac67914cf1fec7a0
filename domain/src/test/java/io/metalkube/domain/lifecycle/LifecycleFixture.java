package io.metalkube.domain.lifecycle;

import io.metalkube.domain.bmc.BmcCredentials;
import io.metalkube.domain.host.CredentialsVersion;
import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostAnnotations;
import io.metalkube.domain.host.InspectRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.metalkube.domain.host.HostBuilder.CREDENTIALS_V1;
import static io.metalkube.domain.host.HostBuilder.SECRET;

/** Shared clock, lifecycle, observations, and the store's part of applying a decision. */
final class LifecycleFixture {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final LifecycleTimings TIMINGS = LifecycleTimings.metal3Defaults();
    static final Lifecycle LIFECYCLE = new Lifecycle(TIMINGS);
    static final BmcCredentials ADMIN = BmcCredentials.of("admin", "s3cret-pw");
    static final CredentialsVersion CREDENTIALS_V2 = new CredentialsVersion(SECRET, "2");

    private LifecycleFixture() {
    }

    /** The Secret holds version 1, the one the builder's managed() hosts were registered with. */
    static Observation goodCredentials() {
        return new Observation(new CredentialsCheck.Found(ADMIN, CREDENTIALS_V1), Capacity.AVAILABLE);
    }

    /** The Secret was edited since registration. */
    static Observation changedCredentials() {
        return new Observation(new CredentialsCheck.Found(ADMIN, CREDENTIALS_V2), Capacity.AVAILABLE);
    }

    static Observation atProvisioningLimit() {
        return new Observation(new CredentialsCheck.Found(ADMIN, CREDENTIALS_V1), Capacity.EXHAUSTED);
    }

    static Observation missingSecret() {
        return new Observation(new CredentialsCheck.Missing(SECRET), Capacity.AVAILABLE);
    }

    static Observation nothingObserved() {
        return new Observation(new CredentialsCheck.NotRequested(), Capacity.NOT_CHECKED);
    }

    static Decision plan(Host host, Observation observation) {
        return LIFECYCLE.plan(host, observation, T0);
    }

    static Decision plan(Host host) {
        return plan(host, goodCredentials());
    }

    static Decision conclude(Host host, Outcome outcome) {
        Decision planned = plan(host);
        Operation op = planned.operation().orElseThrow(() -> new AssertionError("plan asked for no operation: " + planned));
        return LIFECYCLE.conclude(apply(host, planned), op, outcome, T0);
    }

    /** What the store does with a decision: record the status and carry out the effects on annotations. */
    static Host apply(Host host, Decision decision) {
        Host next = host.withStatus(decision.status());
        HostAnnotations a = next.annotations();
        for (Effect effect : decision.effects()) {
            a = switch (effect) {
                case CLEAR_ONCE_REBOOT -> a.withReboots(a.reboots().stream().filter(r -> r.isKeyed()).toList());
                case CLEAR_INSPECT_REQUEST -> a.withInspect(InspectRequest.NONE);
                case CLEAR_STATUS_BACKUP -> a.withStatusBackup(Optional.empty());
                case REMOVE_FINALIZER -> a;
            };
        }
        return next.withAnnotations(a);
    }

    static List<String> reasons(Decision decision) {
        return decision.events().stream().map(HostEvent::reason).toList();
    }
}
