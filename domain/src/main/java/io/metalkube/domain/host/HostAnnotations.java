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
 * @param unhealthy       {@code capm3.metal3.io/unhealthy} or the older {@code capi.metal3.io/unhealthy} (CAPM3's
 *                        remediation): the host takes no new consumer
 */
public record HostAnnotations(boolean paused, Optional<DetachRequest> detached, List<RebootRequest> reboots,
                              InspectRequest inspect, Optional<HardwareDetails> hardwareDetails,
                              Optional<HostStatus> statusBackup, boolean unhealthy) {

    public HostAnnotations {
        detached = detached == null ? Optional.empty() : detached;
        reboots = reboots == null ? List.of() : List.copyOf(reboots);
        inspect = inspect == null ? InspectRequest.NONE : inspect;
        hardwareDetails = hardwareDetails == null ? Optional.empty() : hardwareDetails;
        statusBackup = statusBackup == null ? Optional.empty() : statusBackup;
    }

    /** Without the unhealthy mark. */
    public HostAnnotations(boolean paused, Optional<DetachRequest> detached, List<RebootRequest> reboots,
                           InspectRequest inspect, Optional<HardwareDetails> hardwareDetails, Optional<HostStatus> statusBackup) {
        this(paused, detached, reboots, inspect, hardwareDetails, statusBackup, false);
    }

    public static HostAnnotations none() {
        return new HostAnnotations(false, Optional.empty(), List.of(), InspectRequest.NONE, Optional.empty(), Optional.empty(), false);
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
        return new HostAnnotations(v, detached, reboots, inspect, hardwareDetails, statusBackup, unhealthy);
    }

    public HostAnnotations withDetached(Optional<DetachRequest> v) {
        return new HostAnnotations(paused, v, reboots, inspect, hardwareDetails, statusBackup, unhealthy);
    }

    public HostAnnotations withReboots(List<RebootRequest> v) {
        return new HostAnnotations(paused, detached, v, inspect, hardwareDetails, statusBackup, unhealthy);
    }

    public HostAnnotations withInspect(InspectRequest v) {
        return new HostAnnotations(paused, detached, reboots, v, hardwareDetails, statusBackup, unhealthy);
    }

    public HostAnnotations withHardwareDetails(Optional<HardwareDetails> v) {
        return new HostAnnotations(paused, detached, reboots, inspect, v, statusBackup, unhealthy);
    }

    public HostAnnotations withStatusBackup(Optional<HostStatus> v) {
        return new HostAnnotations(paused, detached, reboots, inspect, hardwareDetails, v, unhealthy);
    }

    public HostAnnotations withUnhealthy(boolean v) {
        return new HostAnnotations(paused, detached, reboots, inspect, hardwareDetails, statusBackup, v);
    }
}
