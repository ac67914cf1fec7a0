package io.metalkube.kubernetes.admission;

import io.metalkube.kubernetes.crd.BareMetalHost;
import io.metalkube.kubernetes.crd.Machine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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

    /**
     * The problems with {@code host}'s spec that only the wire form shows (unknown enum values, an image without URL
     * or checksum, the removed spec.firmware, …): the mapping reads them leniently, so the domain never sees them.
     * The credentials reference checks are left out: the credentials lookup and the domain report those.
     */
    public static List<String> wireSpecProblems(BareMetalHost host) {
        List<String> problems = new ArrayList<>();
        HostWireChecks.lenientReads(host.getSpec(), problems);
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    /**
     * The annotation values the codec reads leniently without a word (an unknown status-backup value, an odd
     * inspect.metal3.io value, hardware details while inspection is on); its own malformed-value findings excluded.
     */
    public static List<String> annotationValueProblems(Map<String, String> annotations) {
        List<String> problems = new ArrayList<>();
        HostAnnotationChecks.valueRules(annotations, problems);
        return List.copyOf(problems);
    }

    /** Every problem the webhook would deny {@code machine} for on CREATE (empty when it would be allowed). */
    public static List<String> of(Machine machine) {
        return new MachineAdmission().check(machine);
    }
}
