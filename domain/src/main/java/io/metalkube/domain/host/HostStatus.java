package io.metalkube.domain.host;

import java.time.Instant;

/**
 * status.* of a host (metal3-anchors.md §1.4). Written only by the operator; {@code poweredOn} is always
 * what the BMC last reported, never what was asked for.
 *
 * @param errorType     null when the host has no error
 * @param poweredOn     null until the power state has been observed once
 * @param hardware      null until inspected (or injected)
 * @param lastUpdated   when this status last changed; also the moment an error was recorded, for backoff
 * @param powerOffSince when a soft power-off was first asked for, to fall back to hard after a timeout
 */
public record HostStatus(ProvisioningStatus provisioning, OperationalStatus operationalStatus, ErrorType errorType,
                         String errorMessage, int errorCount, Boolean poweredOn, HardwareDetails hardware,
                         CredentialsVersion goodCredentials, CredentialsVersion triedCredentials,
                         OperationHistory operationHistory, Instant lastUpdated, Instant powerOffSince) {

    public HostStatus {
        provisioning = provisioning == null ? ProvisioningStatus.initial() : provisioning;
        operationalStatus = operationalStatus == null ? OperationalStatus.OK : operationalStatus;
        errorMessage = errorMessage == null ? "" : errorMessage;
        operationHistory = operationHistory == null ? OperationHistory.empty() : operationHistory;
        if (errorCount < 0) {
            throw new IllegalArgumentException("errorCount must not be negative");
        }
    }

    /** The status of a host nobody has looked at yet. */
    public static HostStatus initial() {
        return new HostStatus(null, null, null, "", 0, null, null, null, null, null, null, null);
    }

    /** True for a status that was never written (what a restored-from-backup host starts with). */
    public boolean isEmpty() {
        return equals(initial());
    }

    public ProvisioningState state() {
        return provisioning.state();
    }

    public boolean hasError() {
        return errorType != null;
    }

    public HostStatus withProvisioning(ProvisioningStatus v) {
        return new HostStatus(v, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince);
    }

    public HostStatus withState(ProvisioningState v) {
        return withProvisioning(provisioning.withState(v));
    }

    public HostStatus withOperationalStatus(OperationalStatus v) {
        return new HostStatus(provisioning, v, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince);
    }

    /** Records a failed action: error type, message, one more error, operationalStatus error. */
    public HostStatus withError(ErrorType type, String message) {
        return new HostStatus(provisioning, OperationalStatus.ERROR, type, message, errorCount + 1, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince);
    }

    /** Clears any error after a success (metal3 resets errorCount on success). */
    public HostStatus withoutError() {
        OperationalStatus op = operationalStatus == OperationalStatus.ERROR ? OperationalStatus.OK : operationalStatus;
        return new HostStatus(provisioning, op, null, "", 0, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince);
    }

    public HostStatus withPoweredOn(Boolean v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, v, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince);
    }

    public HostStatus withHardware(HardwareDetails v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, v, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince);
    }

    public HostStatus withGoodCredentials(CredentialsVersion v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, v, triedCredentials, operationHistory, lastUpdated, powerOffSince);
    }

    public HostStatus withTriedCredentials(CredentialsVersion v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, v, operationHistory, lastUpdated, powerOffSince);
    }

    public HostStatus withOperationHistory(OperationHistory v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, v, lastUpdated, powerOffSince);
    }

    public HostStatus withLastUpdated(Instant v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, v, powerOffSince);
    }

    public HostStatus withPowerOffSince(Instant v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, v);
    }

    /** Equality ignoring lastUpdated, to decide whether a status write is needed at all. */
    public boolean sameAs(HostStatus other) {
        return other != null && withLastUpdated(null).equals(other.withLastUpdated(null));
    }
}
