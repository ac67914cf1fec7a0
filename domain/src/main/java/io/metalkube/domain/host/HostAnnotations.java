package io.metalkube.domain.host;

import java.util.List;
import java.util.Optional;

/**
 * The metal3 annotations the operator honours, already parsed by the adapter (metal3-anchors.md §1.5).
 *
 * @param paused          {@code baremetalhost.metal3.io/paused}: reconcile does nothing
 * @param detached        {@code baremetalhost.metal3.io/detached}
 * @param reboots         {@code reboot.metal3.io} and {@code reboot.metal3.io/<key>}
 * @param inspect         {@code inspect.metal3.io}
 * @param hardwareDetails {@code inspect.metal3.io/hardwaredetails}: details to use when inspection is disabled
 * @param statusBackup    {@code baremetalhost.metal3.io/status}: the status to restore when status is empty
 */
public record HostAnnotations(boolean paused, Optional<DetachRequest> detached, List<RebootRequest> reboots,
                              InspectRequest inspect, Optional<HardwareDetails> hardwareDetails,
                              Optional<HostStatus> statusBackup) {

    public HostAnnotations {
        detached = detached == null ? Optional.empty() : detached;
        reboots = reboots == null ? List.of() : List.copyOf(reboots);
        inspect = inspect == null ? InspectRequest.NONE : inspect;
        hardwareDetails = hardwareDetails == null ? Optional.empty() : hardwareDetails;
        statusBackup = statusBackup == null ? Optional.empty() : statusBackup;
    }

    public static HostAnnotations none() {
        return new HostAnnotations(false, Optional.empty(), List.of(), InspectRequest.NONE, Optional.empty(), Optional.empty());
    }

    public boolean isDetached() {
        return detached.isPresent();
    }

    public boolean hasKeyedReboot() {
        return reboots.stream().anyMatch(RebootRequest::isKeyed);
    }

    public Optional<RebootRequest> onceReboot() {
        return reboots.stream().filter(r -> !r.isKeyed()).findFirst();
    }

    public HostAnnotations withPaused(boolean v) {
        return new HostAnnotations(v, detached, reboots, inspect, hardwareDetails, statusBackup);
    }

    public HostAnnotations withDetached(Optional<DetachRequest> v) {
        return new HostAnnotations(paused, v, reboots, inspect, hardwareDetails, statusBackup);
    }

    public HostAnnotations withReboots(List<RebootRequest> v) {
        return new HostAnnotations(paused, detached, v, inspect, hardwareDetails, statusBackup);
    }

    public HostAnnotations withInspect(InspectRequest v) {
        return new HostAnnotations(paused, detached, reboots, v, hardwareDetails, statusBackup);
    }

    public HostAnnotations withHardwareDetails(Optional<HardwareDetails> v) {
        return new HostAnnotations(paused, detached, reboots, inspect, v, statusBackup);
    }

    public HostAnnotations withStatusBackup(Optional<HostStatus> v) {
        return new HostAnnotations(paused, detached, reboots, inspect, hardwareDetails, v);
    }
}
