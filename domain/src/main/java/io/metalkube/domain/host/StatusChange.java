package io.metalkube.domain.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one status write changed, in the terms metal3's metrics count (baremetal-operator metrics.go): a provisioning
 * state transition, long operations that ended (register, inspect, provision, deprovision, from
 * status.operationHistory), an error recorded, a (de)provisioning delayed by the provisioning limit, and credentials
 * tried for the first time or after a change of the Secret.
 */
public record StatusChange(HostStatus before, HostStatus after) {

    public StatusChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** A provisioning state change, with metal3's wire names ("" for a new host). */
    public record Transition(ProvisioningState from, ProvisioningState to) {
    }

    /** A long operation that ended in this write, and how long it took. */
    public record EndedOperation(OperationHistory.Kind kind, Duration took) {
    }

    public Optional<Transition> transition() {
        return before.state() == after.state() ? Optional.empty() : Optional.of(new Transition(before.state(), after.state()));
    }

    /** Operations whose end was written now (metal3 observes each duration once, when the state is left). */
    public List<EndedOperation> endedOperations() {
        List<EndedOperation> out = new ArrayList<>();
        for (OperationHistory.Kind kind : OperationHistory.Kind.values()) {
            OperationHistory.Span was = before.operationHistory().span(kind);
            OperationHistory.Span now = after.operationHistory().span(kind);
            if (now.start() != null && now.end() != null && !now.equals(was) && !now.end().isBefore(now.start())) {
                out.add(new EndedOperation(kind, Duration.between(now.start(), now.end())));
            }
        }
        return out;
    }

    /** The error this write recorded: a new error, or one more of the same (errorCount went up). */
    public Optional<ErrorType> errorRecorded() {
        if (!after.hasError()) {
            return Optional.empty();
        }
        boolean recorded = after.errorType() != before.errorType() || after.errorCount() > before.errorCount();
        return recorded ? Optional.of(after.errorType()) : Optional.empty();
    }

    /** The state whose operation the provisioning limit delayed, when this write marked the host delayed. */
    public Optional<ProvisioningState> delayed() {
        boolean nowDelayed = after.operationalStatus() == OperationalStatus.DELAYED && before.operationalStatus() != OperationalStatus.DELAYED;
        return nowDelayed ? Optional.of(after.state()) : Optional.empty();
    }

    /** True when registration tried credentials it had not tried before (a first Secret, or a new version of it). */
    public boolean credentialsUpdated() {
        return after.triedCredentials() != null && !after.triedCredentials().equals(before.triedCredentials());
    }
}
