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
        return toDomain(cr, HostAnnotationCodec.parse(cr.getMetadata().getAnnotations()));
    }

    public static Host toDomain(BareMetalHost cr, HostAnnotationCodec.Parsed annotations) {
        var meta = cr.getMetadata();
        return new Host(id(cr), meta.getResourceVersion(), meta.getLabels(), annotations.annotations(),
                HostSpecMapper.toDomain(cr.getSpec()), HostStatusMapper.toDomain(cr.getStatus()),
                meta.getDeletionTimestamp() != null);
    }
}
