package io.metalkube.kubernetes.admission;

import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;

import java.util.List;

/**
 * The webhook's checks without the AdmissionReview around them, for objects that bypassed the webhook (created
 * before it was installed or while it was off): the controller can report the same problems in a Warning event.
 */
public final class AdmissionChecks {

    private AdmissionChecks() {
    }

    /** Every problem the webhook would deny {@code host} for on CREATE (empty when it would be allowed). */
    public static List<String> of(BareMetalHost host) {
        return new HostAdmission().onCreate(host);
    }

    /** Every problem the webhook would deny {@code machine} for on CREATE (empty when it would be allowed). */
    public static List<String> of(Machine machine) {
        return new MachineAdmission().check(machine);
    }
}
