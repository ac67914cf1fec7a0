package io.metalkube.domain.host;

import java.util.Map;
import java.util.Objects;

/**
 * A bare-metal host as the domain sees it: identity, labels, parsed annotations, spec and status.
 *
 * @param revision opaque version of the stored object (Kubernetes resourceVersion), for compare-and-set writes
 * @param deleting true once deletion was requested (deletionTimestamp set)
 */
public record Host(HostId id, String revision, Map<String, String> labels, HostAnnotations annotations,
                   HostSpec spec, HostStatus status, boolean deleting) {

    public Host {
        Objects.requireNonNull(id, "id");
        revision = revision == null ? "" : revision;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? HostAnnotations.none() : annotations;
        spec = spec == null ? HostSpec.empty() : spec;
        status = status == null ? HostStatus.initial() : status;
    }

    public static Host newHost(HostId id, Map<String, String> labels, HostSpec spec) {
        return new Host(id, "", labels, HostAnnotations.none(), spec, HostStatus.initial(), false);
    }

    public ProvisioningState state() {
        return status.state();
    }

    public Host withSpec(HostSpec v) {
        return new Host(id, revision, labels, annotations, v, status, deleting);
    }

    public Host withStatus(HostStatus v) {
        return new Host(id, revision, labels, annotations, spec, v, deleting);
    }

    public Host withAnnotations(HostAnnotations v) {
        return new Host(id, revision, labels, v, spec, status, deleting);
    }

    public Host withLabels(Map<String, String> v) {
        return new Host(id, revision, v, annotations, spec, status, deleting);
    }

    public Host withRevision(String v) {
        return new Host(id, v, labels, annotations, spec, status, deleting);
    }

    public Host markedForDeletion() {
        return new Host(id, revision, labels, annotations, spec, status, true);
    }
}
