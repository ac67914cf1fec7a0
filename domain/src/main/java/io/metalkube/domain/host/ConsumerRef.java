package io.metalkube.domain.host;

import java.util.Objects;

/** spec.consumerRef: the one object (usually a Machine) that owns the host. */
public record ConsumerRef(String apiVersion, String kind, String namespace, String name) {

    public ConsumerRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        apiVersion = apiVersion == null ? "" : apiVersion;
        namespace = namespace == null ? "" : namespace;
    }

    /** Same object, ignoring an unset apiVersion on either side. */
    public boolean sameObjectAs(ConsumerRef other) {
        return other != null && kind.equals(other.kind) && namespace.equals(other.namespace) && name.equals(other.name)
                && (apiVersion.isEmpty() || other.apiVersion.isEmpty() || apiVersion.equals(other.apiVersion));
    }

    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
