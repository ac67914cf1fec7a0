package io.metalkube.domain.host;

import java.util.Objects;

/** A host's identity: its namespace and name. */
public record HostId(String namespace, String name) implements Comparable<HostId> {

    public HostId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a host name must not be empty");
        }
    }

    @Override
    public int compareTo(HostId o) {
        int c = namespace.compareTo(o.namespace);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
