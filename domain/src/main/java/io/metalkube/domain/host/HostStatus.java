package io.metalkube.domain.host;

import java.time.Instant;
import java.util.List;

/**
 * status.* of a host (metal3-anchors.md §1.4). Written only by the operator; {@code poweredOn} is always
 * what the BMC last reported, never what was asked for.
 *
 * @param errorType     null when the host has no error
 * @param poweredOn     null until the power state has been observed once
 * @param hardware      null until inspected (or injected)
 * @param lastUpdated   when this status last changed; also the moment an error was recorded, for backoff
 * @param powerOffSince when a soft power-off was first asked for, to fall back to hard after a timeout
 * @param servedReboots keys of the {@code reboot.metal3.io/<key>} annotations already served by a power cycle of a
 *                      host with spec.disablePowerOff (it cannot stay off while they are present; each is served once)
 */
public record HostStatus(ProvisioningStatus provisioning, OperationalStatus operationalStatus, ErrorType errorType,
                         String errorMessage, int errorCount, Boolean poweredOn, HardwareDetails hardware,
                         CredentialsVersion goodCredentials, CredentialsVersion triedCredentials,
                         OperationHistory operationHistory, Instant lastUpdated, Instant powerOffSince,
                         List<String> servedReboots) {

    public HostStatus {
        servedReboots = servedReboots == null ? List.of() : servedReboots.stream().sorted().distinct().toList();
        provisioning = provisioning == null ? ProvisioningStatus.initial() : provisioning;
        operationalStatus = operationalStatus == null ? OperationalStatus.OK : operationalStatus;
        errorMessage = errorMessage == null ? "" : errorMessage;
        operationHistory = operationHistory == null ? OperationHistory.empty() : operationHistory;
        if (errorCount < 0) {
            throw new IllegalArgumentException("errorCount must not be negative");
        }
    }

    /** Without served reboots. */
    public HostStatus(ProvisioningStatus provisioning, OperationalStatus operationalStatus, ErrorType errorType,
                      String errorMessage, int errorCount, Boolean poweredOn, HardwareDetails hardware,
                      CredentialsVersion goodCredentials, CredentialsVersion triedCredentials,
                      OperationHistory operationHistory, Instant lastUpdated, Instant powerOffSince) {
        this(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials,
                triedCredentials, operationHistory, lastUpdated, powerOffSince, List.of());
    }

    /** The status of a host nobody has looked at yet. */
    public static HostStatus initial() {
        return new HostStatus(null, null, null, "", 0, null, null, null, null, null, null, null, List.of());
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
        return new HostStatus(v, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince, servedReboots);
    }

    /**
     * Registered with credentials and no registration error since: a registering host in this state waits only for
     * a provisioning slot to start inspecting (it registers again first if its credentials change).
     */
    public boolean registered() {
        return goodCredentials() != null && errorType() != ErrorType.REGISTRATION && errorType() != ErrorType.PROVISIONED_REGISTRATION;
    }

    public HostStatus withState(ProvisioningState v) {
        return withProvisioning(provisioning.withState(v));
    }

    public HostStatus withOperationalStatus(OperationalStatus v) {
        return new HostStatus(provisioning, v, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince, servedReboots);
    }

    /** Records a failed action: error type, message, one more error, operationalStatus error. */
    public HostStatus withError(ErrorType type, String message) {
        return new HostStatus(provisioning, OperationalStatus.ERROR, type, message, errorCount + 1, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince, servedReboots);
    }

    /** Clears any error after a success (metal3 resets errorCount on success). */
    public HostStatus withoutError() {
        OperationalStatus op = operationalStatus == OperationalStatus.ERROR ? OperationalStatus.OK : operationalStatus;
        return new HostStatus(provisioning, op, null, "", 0, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince, servedReboots);
    }

    public HostStatus withPoweredOn(Boolean v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, v, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince, servedReboots);
    }

    public HostStatus withHardware(HardwareDetails v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, v, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince, servedReboots);
    }

    public HostStatus withGoodCredentials(CredentialsVersion v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, v, triedCredentials, operationHistory, lastUpdated, powerOffSince, servedReboots);
    }

    public HostStatus withTriedCredentials(CredentialsVersion v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, v, operationHistory, lastUpdated, powerOffSince, servedReboots);
    }

    public HostStatus withOperationHistory(OperationHistory v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, v, lastUpdated, powerOffSince, servedReboots);
    }

    public HostStatus withLastUpdated(Instant v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, v, powerOffSince, servedReboots);
    }

    public HostStatus withPowerOffSince(Instant v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, v, servedReboots);
    }

    public HostStatus withServedReboots(List<String> v) {
        return new HostStatus(provisioning, operationalStatus, errorType, errorMessage, errorCount, poweredOn, hardware, goodCredentials, triedCredentials, operationHistory, lastUpdated, powerOffSince, v);
    }

    /** Equality ignoring lastUpdated, to decide whether a status write is needed at all. */
    public boolean sameAs(HostStatus other) {
        return other != null && withLastUpdated(null).equals(other.withLastUpdated(null));
    }
}
