package io.metalkube.kubernetes.mapping;

import io.metalkube.domain.host.Host;
import io.metalkube.domain.host.HostId;
import io.metalkube.kubernetes.crd.BareMetalHost;

/** A whole BareMetalHost to the domain's {@link Host} (identity, labels, annotations, spec, status). */
public final class HostMapper {

    private HostMapper() {
    }

    public static HostId id(BareMetalHost cr) {
        return new HostId(cr.getMetadata().getNamespace(), cr.getMetadata().getName());
    }

    public static Host toDomain(BareMetalHost cr) {
        return toDomain(cr, Wire.field("metadata.annotations", () -> HostAnnotationCodec.parse(cr.getMetadata().getAnnotations())));
    }

    /**
     * @throws UnreadableFieldException naming the field when something cannot be read even leniently (null label
     *                                  and annotation values read as absent; null list entries as no entry)
     */
    public static Host toDomain(BareMetalHost cr, HostAnnotationCodec.Parsed annotations) {
        var meta = cr.getMetadata();
        return new Host(id(cr), meta.getResourceVersion(), Wire.withoutNullValues(meta.getLabels()), annotations.annotations(),
                Wire.field("spec", () -> HostSpecMapper.toDomain(cr.getSpec())),
                Wire.field("status", () -> HostStatusMapper.toDomain(cr.getStatus())),
                meta.getDeletionTimestamp() != null);
    }

    /** Labels whose value is null, as problems to report (they read as absent). */
    public static java.util.List<String> nullLabels(BareMetalHost cr) {
        return Wire.nullValued(cr.getMetadata().getLabels()).stream().map(k -> HostAnnotationCodec.nullValue("label", k)).toList();
    }
}
