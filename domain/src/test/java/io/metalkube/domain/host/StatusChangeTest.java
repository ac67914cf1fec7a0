package io.metalkube.domain.host;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a status write changed, in the terms metal3's metrics count. */
class StatusChangeTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void aStateChangeEndsTheOperationOfTheStateLeftOnce() {
        OperationHistory.Span inspecting = OperationHistory.Span.NEVER.started(T0);
        HostStatus before = HostStatus.initial().withState(ProvisioningState.INSPECTING)
                .withOperationHistory(OperationHistory.empty().with(OperationHistory.Kind.INSPECT, inspecting));
        HostStatus after = before.withState(ProvisioningState.PREPARING).withOperationHistory(
                before.operationHistory().with(OperationHistory.Kind.INSPECT, inspecting.ended(T0.plusSeconds(95))));

        StatusChange change = new StatusChange(before, after);
        assertThat(change.transition()).contains(new StatusChange.Transition(ProvisioningState.INSPECTING, ProvisioningState.PREPARING));
        assertThat(change.endedOperations()).containsExactly(new StatusChange.EndedOperation(OperationHistory.Kind.INSPECT, Duration.ofSeconds(95)));
        assertThat(new StatusChange(after, after).endedOperations()).as("an unchanged end is not counted again").isEmpty();
        assertThat(new StatusChange(after, after).transition()).isEmpty();
    }

    @Test
    void eachRecordedErrorCountsAndAClearedOneDoesNot() {
        HostStatus ok = HostStatus.initial().withState(ProvisioningState.REGISTERING);
        HostStatus failed = ok.withError(ErrorType.REGISTRATION, "refused");
        assertThat(new StatusChange(ok, failed).errorRecorded()).contains(ErrorType.REGISTRATION);
        assertThat(new StatusChange(failed, failed.withError(ErrorType.REGISTRATION, "refused"))
                .errorRecorded()).as("a retry that fails again").contains(ErrorType.REGISTRATION);
        assertThat(new StatusChange(failed, failed).errorRecorded()).as("same error, no new failure").isEmpty();
        assertThat(new StatusChange(failed, failed.withoutError()).errorRecorded()).isEmpty();
    }

    @Test
    void aDelayIsCountedWhenTheHostBecomesDelayedForTheStateItWaitsIn() {
        HostStatus available = HostStatus.initial().withState(ProvisioningState.DEPROVISIONING);
        HostStatus delayed = available.withOperationalStatus(OperationalStatus.DELAYED);
        assertThat(new StatusChange(available, delayed).delayed()).contains(ProvisioningState.DEPROVISIONING);
        assertThat(new StatusChange(delayed, delayed).delayed()).isEmpty();
    }

    @Test
    void credentialsCountAsUpdatedWhenANewVersionIsTried() {
        HostStatus none = HostStatus.initial();
        HostStatus v1 = none.withTriedCredentials(new CredentialsVersion("bmc", "1"));
        assertThat(new StatusChange(none, v1).credentialsUpdated()).isTrue();
        assertThat(new StatusChange(v1, v1).credentialsUpdated()).isFalse();
        assertThat(new StatusChange(v1, v1.withTriedCredentials(new CredentialsVersion("bmc", "2"))).credentialsUpdated()).isTrue();
    }
}
