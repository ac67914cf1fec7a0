package io.metalkube.domain.lifecycle;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.ProvisioningState;
import io.metalkube.domain.host.RebootMode;
import io.metalkube.domain.host.RebootRequest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The reboot annotations a steady host serves now (metal3's hasRebootAnnotation in manageHostPower): every one on a
 * provisioned or externally provisioned host, only the forced ones ({@code "force": true}) on any other (available).
 */
record Reboots(List<RebootRequest> active, List<RebootRequest> all) {

    static Reboots of(Host host) {
        ProvisioningState state = host.state();
        boolean provisioned = state == ProvisioningState.PROVISIONED || state == ProvisioningState.EXTERNALLY_PROVISIONED;
        List<RebootRequest> all = host.annotations().reboots();
        return new Reboots(all.stream().filter(r -> provisioned || r.force()).toList(), all);
    }

    boolean any() {
        return !active.isEmpty();
    }

    boolean isActive(RebootRequest r) {
        return active.contains(r);
    }

    /** Any served annotation asks for a hard reboot: that wins, whoever else asked for soft (metal3). */
    boolean hard() {
        return active.stream().anyMatch(r -> r.mode() == RebootMode.HARD);
    }

    /** Active annotations a power cycle has not served yet: the suffixless one, and keys not in {@code served}. */
    List<RebootRequest> pending(List<String> served) {
        return active.stream().filter(r -> !r.isKeyed() || !served.contains(r.key())).toList();
    }

    /** The served keys whose annotation is still there (the others are forgotten). */
    List<String> stillServed(List<String> served) {
        return served.stream().filter(k -> all.stream().anyMatch(r -> r.isKeyed() && r.key().equals(k))).toList();
    }

    static String names(List<RebootRequest> reboots) {
        return reboots.stream().map(RebootRequest::annotation).collect(Collectors.joining(", "));
    }
}
